package appserver

import "testing"

func TestPHP(t *testing.T) {
	conf := `# nginx in front of php-fpm
worker_processes 1;
events { worker_connections 1024; }
http {
    keepalive_timeout 65;   # keepalive_timeout 86400s;
    server {
        listen 9000;
        root /code/public;
        location ~ \.php$ { fastcgi_pass 127.0.0.1:9527; }
    }
}
`
	runCases(t, []appCase{
		{name: "thinkphp template: php -S", cmd: "php -S 0.0.0.0:9000 router.php", want: []string{"FC503 :0 sends \"Connection: close\""}},
		{name: "php -S with instanceConcurrency 100", cmd: "php -S 0.0.0.0:9000 router.php", conc: 100,
			want: []string{"FC503 :0 instanceConcurrency: 100, so up to 100 requests reach this instance at once and all but one wait"}},
		{name: "php -S with instanceConcurrency 1", cmd: "php -S 0.0.0.0:9000 router.php", conc: 1, want: []string{"FC503 :0 serves one request at a time, so requests also queue when instanceConcurrency is above 1; "}},
		{name: "artisan serve defaults", cmd: "php artisan serve", want: []string{"FC501 :0 listens on 127.0.0.1 (php artisan serve's default host", "FC503 :0 built-in web server"}},
		{name: "artisan serve public", cmd: "php artisan serve --host=0.0.0.0 --port=9000", want: []string{"FC503 :0 built-in web server"}},
		{name: "think run port", cmd: "php think run -p 8000", want: []string{"FC501 :0 port 8000", "FC503 :0 built-in"}},
		{name: "a PHP script is not a server", cmd: "php worker.php"},
		{name: "nginx keepalive_timeout 65", cmd: "nginx -c /code/nginx.conf -g daemon_off", files: mapFiles{"nginx.conf": conf},
			want: []string{"FC502 nginx.conf:5 keepalive_timeout 65: nginx closes a kept-alive connection after it is idle 65 s"}},
		{name: "nginx defaults", cmd: "nginx -c nginx.conf", files: mapFiles{"nginx.conf": "http { server { root /code; } }"},
			want: []string{"FC501 nginx.conf:1 port 80", "FC502 nginx.conf:0 default keepalive_timeout of 75 s"}},
		{name: "nginx tuned", cmd: "nginx -c nginx.conf", files: mapFiles{"nginx.conf": "http { keepalive_timeout 1d; server { listen 0.0.0.0:9000; listen 127.0.0.1:8081; } }"}},
		{name: "nginx loopback", cmd: "nginx -c nginx.conf", files: mapFiles{"nginx.conf": "http { keepalive_timeout 0; server { listen 127.0.0.1:9000; } }"},
			want: []string{"FC501 nginx.conf:1 listens on 127.0.0.1", "FC503 nginx.conf:1 keepalive_timeout 0"}},
	})
}
