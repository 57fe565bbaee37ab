package frameworks

const httpEmpty = "net/http's default (:http) when Addr is empty"

func init() {
	Register(&Framework{
		Name: "net/http",
		Fix:  `http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), handler)`,
		Listen: map[string]Listen{
			"net/http.ListenAndServe":              {How: FromArg, Arg: 0, EmptyAddr: ":http", EmptyWhy: httpEmpty},
			"net/http.ListenAndServeTLS":           {How: FromArg, Arg: 0, EmptyAddr: ":https", EmptyWhy: "net/http's default (:https) when the address is empty"},
			"(*net/http.Server).ListenAndServe":    {How: FromRecvField, Field: "Addr", EmptyAddr: ":http", EmptyWhy: httpEmpty},
			"(*net/http.Server).ListenAndServeTLS": {How: FromRecvField, Field: "Addr", EmptyAddr: ":https", EmptyWhy: "net/http's default (:https) when Addr is empty"},
			"net/http.Serve":                       {How: NotASite},
			"net/http.ServeTLS":                    {How: NotASite},
			"(*net/http.Server).Serve":             {How: NotASite},
			"(*net/http.Server).ServeTLS":          {How: NotASite},
		},
		Structs: map[string]Struct{
			"net/http.Server": {NetHTTP, "http.Server", timeoutFields},
		},
		Options: map[string]Option{
			"(*net/http.Server).SetKeepAlivesEnabled": {NetHTTP, KeepAlive},
		},
		Deadlines: map[string]int{"net/http.TimeoutHandler": 1},
		// net/http's Header methods count only on a response's header.
		HeaderSetters: []string{"(net/http.Header).Set", "(net/http.Header).Add"},
	})
}

// timeoutFields are the timeout fields of net/http.Server and the structs
// shaped like it.
var timeoutFields = map[string]Knob{"ReadTimeout": ReadTimeout, "WriteTimeout": WriteTimeout, "IdleTimeout": IdleTimeout}
