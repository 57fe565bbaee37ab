package frameworks

const randomEmptyPort = "an empty port listens on a random port"

func init() {
	Register(&Framework{
		Name: "net",
		Fix:  `net.Listen("tcp", ":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"net.Listen":                 {How: FromNetArgs, Arg: 1, EmptyAddr: ":0", EmptyWhy: randomEmptyPort},
			"(*net.ListenConfig).Listen": {How: FromNetArgs, Arg: 2, EmptyAddr: ":0", EmptyWhy: randomEmptyPort},
			"net.ListenTCP":              {How: FromTCPAddr, Arg: 1, EmptyAddr: ":0", EmptyWhy: "port 0 listens on a random port"},
		},
	})
	Register(&Framework{
		Name: "crypto/tls",
		Fix:  `tls.Listen("tcp", ":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), config)`,
		Listen: map[string]Listen{
			"crypto/tls.Listen": {How: FromNetArgs, Arg: 1, EmptyAddr: ":0", EmptyWhy: randomEmptyPort},
		},
	})
}
