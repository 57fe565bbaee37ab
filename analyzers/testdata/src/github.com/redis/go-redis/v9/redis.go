// Package redis is a test stand-in for github.com/redis/go-redis/v9: the real
// import path and signatures, no behavior. Its Addr and timeouts are a
// client's, never a server's.
package redis

import "time"

// Options configures a client.
type Options struct {
	Network      string
	Addr         string
	Password     string
	DB           int
	DialTimeout  time.Duration
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

// Client is a redis client.
type Client struct{ opt *Options }

func NewClient(opt *Options) *Client { return &Client{opt: opt} }
