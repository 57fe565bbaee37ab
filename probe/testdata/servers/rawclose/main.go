// Command rawclose answers one request per connection and closes it without
// saying so (no Connection: close header), like a naive hand-written server (FC404).
package main

import (
	"bufio"
	"net"
	"net/http"
	"os"
)

func main() {
	ln, err := net.Listen("tcp", ":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"))
	if err != nil {
		panic(err)
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer conn.Close()
			req, err := http.ReadRequest(bufio.NewReader(conn))
			if err != nil {
				return
			}
			req.Body.Close()
			conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
		}()
	}
}
