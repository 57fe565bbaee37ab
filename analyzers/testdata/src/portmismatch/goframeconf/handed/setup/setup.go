// Package setup sets the server's routes and port.
package setup

import "github.com/gogf/gf/v2/net/ghttp"

// Routes puts s on the CAPort.
func Routes(s *ghttp.Server) {
	s.SetPort(9000)
}
