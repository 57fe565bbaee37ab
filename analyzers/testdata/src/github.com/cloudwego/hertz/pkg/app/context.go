// Package app is a test stand-in for github.com/cloudwego/hertz/pkg/app: the
// real import path and signatures, no behavior.
package app

import "context"

// HandlerFunc serves a request.
type HandlerFunc func(c context.Context, ctx *RequestContext)

// RequestContext is a request's context.
type RequestContext struct{}

func (ctx *RequestContext) String(code int, format string, values ...interface{}) {}
func (ctx *RequestContext) JSON(code int, obj interface{})                        {}
func (ctx *RequestContext) Header(key, value string)                              {}
func (ctx *RequestContext) Next(c context.Context)                                {}
