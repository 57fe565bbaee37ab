package gin

import "net/http"

// Context is a request's context.
type Context struct {
	Request *http.Request
	Writer  ResponseWriter
}

// ResponseWriter is gin's response writer.
type ResponseWriter interface {
	http.ResponseWriter
}

func (c *Context) String(code int, format string, values ...any) {}
func (c *Context) JSON(code int, obj any)                        {}
func (c *Context) Header(key, value string)                      {}
func (c *Context) Next()                                         {}
func (c *Context) Param(key string) string                       { return "" }
