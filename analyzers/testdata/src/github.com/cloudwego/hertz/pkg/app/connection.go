package app

// SetConnectionClose sets the "Connection: close" response header.
func (ctx *RequestContext) SetConnectionClose() {}
