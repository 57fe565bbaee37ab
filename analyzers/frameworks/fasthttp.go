package frameworks

// FastHTTP is fasthttp's timing.
var FastHTTP = &Timing{Name: "fasthttp", IdleFallsBackToRead: true}

func init() {
	Register(&Framework{
		Name: "fasthttp",
		Fix:  `fasthttp.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), handler)`,
		Listen: map[string]Listen{
			"github.com/valyala/fasthttp.ListenAndServe":               {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"github.com/valyala/fasthttp.ListenAndServeTLS":            {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"github.com/valyala/fasthttp.ListenAndServeUNIX":           {How: NotASite},
			"github.com/valyala/fasthttp.Serve":                        {How: NotASite},
			"(*github.com/valyala/fasthttp.Server).ListenAndServe":     {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/valyala/fasthttp.Server).ListenAndServeTLS":  {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/valyala/fasthttp.Server).ListenAndServeUNIX": {How: NotASite},
			"(*github.com/valyala/fasthttp.Server).Serve":              {How: NotASite},
		},
		Structs: map[string]Struct{
			// MaxRequestsPerConn > 0 closes a connection after that many
			// requests (server.go serveConn @v1.78.0); fiber.Config has no such field.
			"github.com/valyala/fasthttp.Server": {FastHTTP, "fasthttp.Server", withRequestLimit(fasthttpishFields)},
		},
		HeaderSetters: []string{
			"(*github.com/valyala/fasthttp.ResponseHeader).Set",
			"(*github.com/valyala/fasthttp.ResponseHeader).Add",
			"(*github.com/valyala/fasthttp.ResponseHeader).SetCanonical",
		},
		// (*fasthttp.RequestHeader).SetConnectionClose is a client's request: absent.
		ConnectionClosers: []string{
			"(*github.com/valyala/fasthttp.ResponseHeader).SetConnectionClose",
			"(*github.com/valyala/fasthttp.Response).SetConnectionClose",
			"(*github.com/valyala/fasthttp.RequestCtx).SetConnectionClose",
		},
	})
}

// withRequestLimit is fields plus fasthttp.Server's MaxRequestsPerConn.
func withRequestLimit(fields map[string]Knob) map[string]Knob {
	out := map[string]Knob{"MaxRequestsPerConn": MaxRequestsPerConn}
	for k, v := range fields {
		out[k] = v
	}
	return out
}
