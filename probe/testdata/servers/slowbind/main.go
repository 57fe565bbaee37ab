// Command slowbind creates its socket well before it binds and listens, as
// servers that set socket options or load data in between do. The probe must
// notice the listen, not only the socket.
package main

import (
	"net"
	"net/http"
	"os"
	"strconv"
	"syscall"
	"time"
)

func main() {
	port, _ := strconv.Atoi(os.Getenv("FC_CUSTOM_LISTEN_PORT"))
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		panic(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Port: port}); err != nil {
		panic(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := syscall.Listen(fd, 128); err != nil {
		panic(err)
	}
	ln, err := net.FileListener(os.NewFile(uintptr(fd), "listener"))
	if err != nil {
		panic(err)
	}
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
}
