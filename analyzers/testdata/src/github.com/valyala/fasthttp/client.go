package fasthttp

import "time"

// Client is an HTTP client; its timeouts are not server timeouts.
type Client struct {
	Name         string
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

func (c *Client) Do(req *Request, resp *Response) error { return nil }
