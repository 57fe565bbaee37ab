package fiber

// Ctx is a request's context (an interface in v3).
type Ctx interface {
	SendString(body string) error
	JSON(data any, ctype ...string) error
	Set(key, val string)
	Next() error
}
