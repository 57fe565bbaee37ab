package fasthttp

import (
	"net"
	"os"
)

// ListenAndServe serves handler on addr (network tcp4).
func ListenAndServe(addr string, handler RequestHandler) error { return nil }

func ListenAndServeTLS(addr, certFile, keyFile string, handler RequestHandler) error { return nil }

func ListenAndServeUNIX(addr string, mode os.FileMode, handler RequestHandler) error { return nil }

func Serve(ln net.Listener, handler RequestHandler) error { return nil }

func (s *Server) ListenAndServe(addr string) error                       { return nil }
func (s *Server) ListenAndServeTLS(addr, certFile, keyFile string) error { return nil }
func (s *Server) ListenAndServeUNIX(addr string, mode os.FileMode) error { return nil }
func (s *Server) Serve(ln net.Listener) error                            { return nil }
func (s *Server) Shutdown() error                                        { return nil }
