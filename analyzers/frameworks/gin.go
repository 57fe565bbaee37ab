package frameworks

import "time"

func init() {
	Register(&Framework{
		Name:   "gin",
		Source: "github.com/gin-gonic/gin@v1.10.0 (gin.go Run, utils.go resolveAddress)",
		Fix:    `r.Run(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"(*github.com/gin-gonic/gin.Engine).Run": {How: FromVariadic, Arg: 0, Env: "PORT", Default: ":8080",
				DefaultWhy: "gin's default because Run() has no address and PORT is not set"},
			"(*github.com/gin-gonic/gin.Engine).RunTLS":      {How: FromArg, Arg: 0},
			"(*github.com/gin-gonic/gin.Engine).RunUnix":     {How: NotASite},
			"(*github.com/gin-gonic/gin.Engine).RunListener": {How: NotASite},
		},
		HeaderSetters: []string{"(*github.com/gin-gonic/gin.Context).Header"},
	})
	Register(&Framework{
		Name:      "gin-contrib/timeout",
		Source:    "github.com/gin-contrib/timeout (option.go defaultTimeout)",
		Deadlines: map[string]int{"github.com/gin-contrib/timeout.WithTimeout": 0},
		DefaultDeadlines: map[string]DefaultDeadline{
			// gin-contrib/timeout: defaultTimeout = 5 * time.Second.
			"github.com/gin-contrib/timeout.New": {5 * time.Second, "github.com/gin-contrib/timeout.WithTimeout"},
		},
	})
}
