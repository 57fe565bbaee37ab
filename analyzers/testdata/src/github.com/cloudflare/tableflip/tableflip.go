// Package tableflip is a test stand-in for github.com/cloudflare/tableflip:
// the real import path and signatures, no behavior.
package tableflip

import (
	"net"
	"time"
)

// Options configure an Upgrader.
type Options struct {
	UpgradeTimeout time.Duration
	PIDFile        string
	ListenConfig   *net.ListenConfig
}

// Fds holds the listeners passed between generations.
type Fds struct{}

// Listen returns an inherited listener or net.Listen(network, addr).
func (f *Fds) Listen(network, addr string) (net.Listener, error) { return nil, nil }

// ListenWithCallback is Listen with callback in place of net.Listen.
func (f *Fds) ListenWithCallback(network, addr string, callback func(network, addr string) (net.Listener, error)) (net.Listener, error) {
	return nil, nil
}

// Upgrader upgrades a process in place.
type Upgrader struct {
	*Fds
}

// New returns an Upgrader.
func New(opts Options) (upg *Upgrader, err error) { return &Upgrader{Fds: &Fds{}}, nil }

func (u *Upgrader) Ready() error          { return nil }
func (u *Upgrader) Exit() <-chan struct{} { return nil }
func (u *Upgrader) Stop()                 {}
func (u *Upgrader) Upgrade() error        { return nil }
