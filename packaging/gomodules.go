package packaging

import (
	"fmt"
	"strings"

	"github.com/fclint/fclint/packaging/binary"
	"github.com/fclint/fclint/rules"
)

// goFramework is a Go server framework as a binary's build info shows it:
// by module path. Defaults is what the framework does when the code leaves
// it unconfigured, where that breaks FC's contract (another port, a
// connection or request timeout under 24 h); "" when its defaults suit FC.
//
// The home of everything fclint knows about a framework is the analyzers'
// registry, analyzers/frameworks (one file per framework, with the version
// each default was read from, and the calls and options that change it).
// This list only names the modules and those defaults for binaries, where
// no code can be seen: keep it in step with the registry.
type goFramework struct {
	module, name, defaults string
}

var goFrameworks = []goFramework{
	{"github.com/gin-gonic/gin", "gin", "Run() without an address listens on $PORT, else :8080"},
	{"github.com/gin-contrib/timeout", "gin-contrib/timeout", "timeout.New without WithTimeout ends every request after 5s"},
	{"github.com/gin-gonic/autotls", "autotls", "it serves on :80 and :443 only"},
	{"github.com/cloudwego/hertz", "hertz", "server.Default and server.New without WithHostPorts listen on :8888, and close connections idle or reading for 3 min"},
	{"github.com/gogf/gf/v2", "GoFrame", "a ghttp server closes connections idle or reading for 60s"},
	{"github.com/go-kratos/kratos/v2", "Kratos", "http.NewServer and grpc.NewServer without Address listen on :0 (a random port), and end every request after 1s"},
	{"github.com/zeromicro/go-zero", "go-zero", "a RestConf filled by its conf package ends every request after 3000 ms (Timeout)"},
	{"github.com/kataras/iris/v12", "iris", "a server without an address listens on :8080"},
	{"github.com/labstack/echo/v5", "echo v5", "its server has ReadTimeout and WriteTimeout 30s"},
	{"github.com/beego/beego/v2", "beego", "Run() without an address listens on httpport of conf/app.conf, 8080 by default"},
	{"github.com/astaxie/beego", "beego v1", "Run() without an address listens on httpport of conf/app.conf, 8080 by default"},
	// Defaults that suit FC: named when linked beside one of the above.
	{"github.com/labstack/echo/v4", "echo v4", ""},
	{"github.com/labstack/echo", "echo v3", ""},
	{"github.com/gofiber/fiber/v2", "fiber v2", ""},
	{"github.com/gofiber/fiber/v3", "fiber v3", ""},
	{"github.com/valyala/fasthttp", "fasthttp", ""},
	{"github.com/go-chi/chi", "chi", ""},
	{"github.com/go-chi/chi/v5", "chi v5", ""},
	{"google.golang.org/grpc", "grpc", ""},
	{"github.com/cloudflare/tableflip", "tableflip", ""},
}

// frameworksLinked lists the known frameworks among a binary's modules, in
// goFrameworks' order, with their versions.
func frameworksLinked(mods []binary.Module) (risky, other []string, notes []string) {
	for _, fw := range goFrameworks {
		for _, m := range mods {
			if m.Path != fw.module {
				continue
			}
			name := fw.name
			if m.Version != "" && m.Version != "(devel)" {
				name += " " + m.Version
			}
			if fw.defaults == "" {
				other = append(other, name)
			} else {
				risky = append(risky, name)
				notes = append(notes, fw.name+": "+fw.defaults)
			}
			break
		}
	}
	return risky, other, notes
}

// checkFrameworkModules is FC216: a Go binary links a framework whose
// defaults break FC's contract. The build info shows only that the module
// is linked, not whether the code configures it, so it is information that
// points to fclint check on the sources.
func (c *checker) checkFrameworkModules(file, word string, g *binary.GoBuild) {
	if g == nil {
		return
	}
	risky, other, notes := frameworksLinked(g.Modules)
	if len(risky) == 0 {
		return
	}
	also := ""
	if len(other) > 0 {
		also = "; it also links " + strings.Join(other, ", ") + ", whose defaults suit FC"
	}
	msg := fmt.Sprintf("%s links %s, whose defaults break FC's contract: if the code leaves them unset, %s; FC sends requests to port %d only and reuses its connections, and a binary does not show what the code sets%s",
		word, strings.Join(risky, ", "), strings.Join(notes, "; "), c.fn.CAPort(), also)
	f := c.add(rules.MustGet("FC216"), file, 0, "", msg)
	f.Fix = "run fclint on the sources that build it (fclint ./... in its module, or fclint at the project root): the analyzers follow what the code sets"
}
