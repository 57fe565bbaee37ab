package frameworks

const iris = "github.com/kataras/iris/v12"

func init() {
	// Listen(addr) is Run(Addr(addr)); NewHost makes an empty srv.Addr
	// ":8080" (iris.go). WithTimeout(d) wraps the router in a timeout
	// handler of d (FC106) and fills the zero server timeouts with d+10 s
	// read, d+15 s write, d+25 s idle (not judged here).
	const emptyWhy = "iris's default (:8080) when the address is empty"
	Register(&Framework{
		Name:   "iris",
		Source: "github.com/kataras/iris/v12@v12.2.11 (iris.go, configuration.go)",
		Fix:    `app.Listen(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"(*" + iris + ".Application).Listen": {How: FromArg, Arg: 0, EmptyAddr: ":8080", EmptyWhy: emptyWhy},
			iris + ".Addr":                       {How: FromArg, Arg: 0, EmptyAddr: ":8080", EmptyWhy: emptyWhy},
			iris + ".TLS":                        {How: FromArg, Arg: 0, EmptyAddr: ":8080", EmptyWhy: emptyWhy},
			iris + ".Server":                     {How: FromArgField, Arg: 0, Field: "Addr", EmptyAddr: ":8080", EmptyWhy: emptyWhy},
			iris + ".Listener":                   {How: NotASite},
		},
		Deadlines: map[string]int{iris + ".WithTimeout": 0},
	})
}
