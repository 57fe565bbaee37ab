package fiber

// Ctx is a request's context.
type Ctx struct{}

func (c *Ctx) SendString(body string) error                  { return nil }
func (c *Ctx) JSON(data interface{}, ctype ...string) error  { return nil }
func (c *Ctx) Set(key, val string)                           {}
func (c *Ctx) Next() error                                   { return nil }
func (c *Ctx) Get(key string, defaultValue ...string) string { return "" }
