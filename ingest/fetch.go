package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// Fetcher downloads pages and feeds. Unless it allows private addresses it
// refuses to connect to loopback, private, link-local, multicast and other
// non-public addresses; the check runs on the resolved address at dial
// time, so neither a hostname that resolves to 127.0.0.1 nor a redirect to
// one gets through (a guard against server-side request forgery).
type Fetcher struct {
	client *http.Client
}

// ErrForbiddenAddress is returned when a fetch would connect to a
// non-public address.
var ErrForbiddenAddress = errors.New("address is private, loopback or link-local (use --allow-private)")

// cgnat is the shared address space of carrier-grade NAT (RFC 6598).
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// Forbidden reports whether an address is not a public unicast address.
func Forbidden(ip netip.Addr) bool {
	ip = ip.Unmap()
	return !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() || cgnat.Contains(ip) || (ip.Is4() && ip.As4()[0] == 0)
}

// NewFetcher returns a fetcher; allowPrivate lifts the address check.
func NewFetcher(allowPrivate bool) *Fetcher {
	d := &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("dial %s: %w", address, err)
			}
			if Forbidden(ap.Addr()) {
				return fmt.Errorf("dial %s: %w", address, ErrForbiddenAddress)
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past the check
		DialContext:           d.DialContext,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		MaxIdleConnsPerHost:   4,
	}
	return &Fetcher{client: &http.Client{
		Transport: tr,
		Timeout:   60 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s refused", req.URL.Scheme)
			}
			return nil
		},
	}}
}

// Get fetches a URL and returns its body (at most 32 MiB), content type
// and final URL after redirects.
func (f *Fetcher) Get(ctx context.Context, raw string) ([]byte, string, *url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "", nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, "", nil, fmt.Errorf("scheme %q not fetched", u.Scheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return nil, "", nil, err
	}
	req.Header.Set("User-Agent", "wirecoder-ingest/1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxFile))
	if err != nil {
		return nil, "", nil, fmt.Errorf("read body: %w", err)
	}
	return body, resp.Header.Get("Content-Type"), resp.Request.URL, nil
}
