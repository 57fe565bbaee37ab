package frameworks

func init() {
	// run serves a redirect server on ":http" and the handler on
	// autocert.NewListener, which listens on ":443" (autotls.go;
	// golang.org/x/crypto acme/autocert/listener.go). No argument changes
	// either port, and FC terminates TLS itself.
	why := "autotls's fixed HTTPS port (autocert.NewListener listens on :443, a redirect server on :80)"
	Register(&Framework{
		Name:   "autotls",
		Source: "github.com/gin-gonic/autotls@v0.0.5 (autotls.go)",
		Fix:    `serve plain HTTP on FC's port: r.Run(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT")); FC terminates TLS`,
		Listen: map[string]Listen{
			"github.com/gin-gonic/autotls.Run":            {How: FixedAddr, Default: ":443", DefaultWhy: why},
			"github.com/gin-gonic/autotls.RunWithContext": {How: FixedAddr, Default: ":443", DefaultWhy: why},
		},
	})
}
