package frameworks

func init() {
	// Upgrader embeds *Fds; Fds.Listen returns a listener inherited from the
	// parent process or calls net.Listen(network, addr) (fds.go).
	const tableflip = "(*github.com/cloudflare/tableflip.Fds)"
	Register(&Framework{
		Name:   "tableflip",
		Source: "github.com/cloudflare/tableflip@v1.2.3 (fds.go, upgrader.go)",
		Fix:    `upg.Listen("tcp", ":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			tableflip + ".Listen":             {How: FromNetArgs, Arg: 1, EmptyAddr: ":0", EmptyWhy: randomEmptyPort},
			tableflip + ".ListenWithCallback": {How: FromNetArgs, Arg: 1, EmptyAddr: ":0", EmptyWhy: randomEmptyPort},
		},
	})
}
