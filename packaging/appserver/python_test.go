package appserver

import "testing"

func TestPython(t *testing.T) {
	fastapi := `from fastapi import FastAPI
import uvicorn

app = FastAPI()

@app.get("/")
def read_root():
    return {"Hello": "World"}

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=9000)
`
	runCases(t, []appCase{
		{name: "fastapi template keeps uvicorn's 5 s keep-alive", files: mapFiles{"index.py": fastapi}, cmd: "python3 index.py",
			want: []string{"FC502 index.py:11 uvicorn keeps its default timeout_keep_alive of 5 s"}},
		{name: "uvicorn.run tuned", files: mapFiles{"main.py": `import os
from uvicorn import run
PORT = int(os.environ.get("FC_CUSTOM_LISTEN_PORT", "9000"))
# uvicorn.run(app)
"""uvicorn.run(app, port=1)"""
run("main:app", host="0.0.0.0", port=PORT, timeout_keep_alive=24 * 3600)
`}, cmd: "python main.py"},
		{name: "uvicorn.run defaults to 127.0.0.1:8000", files: mapFiles{"main.py": `import uvicorn as uv
uv.run(app, timeout_keep_alive=0)
`}, cmd: "python main.py", want: []string{"FC501 main.py:2 listens on 127.0.0.1 (uvicorn's default host 127.0.0.1)"}},
		{name: "uvicorn Config with a short keep-alive", files: mapFiles{"main.py": `import uvicorn
config = uvicorn.Config(app, host="0.0.0.0", port=9000, timeout_keep_alive=65)
uvicorn.Server(config).run()
`}, cmd: "python main.py", want: []string{"FC502 main.py:2 timeout_keep_alive=65"}},
		{name: "flask app.run defaults", files: mapFiles{"app.py": `from flask import Flask
app = Flask(__name__)
if __name__ == '__main__':
    app.run()
`}, cmd: "python app.py", want: []string{"FC501 app.py:4 listens on 127.0.0.1"}},
		{name: "flask app.run positional host and env port", files: mapFiles{"app.py": `import os
import flask
app = flask.Flask(__name__)
app.run('0.0.0.0', int(os.getenv('PORT', 5000)))
`}, cmd: "python app.py", want: []string{"FC501 app.py:4 port 5000"}},
		{name: "a local module is followed", files: mapFiles{"run.py": "from server import main\nmain()\n", "server.py": `from aiohttp import web
def main():
    web.run_app(app, port=9000)
`}, cmd: "python run.py", want: []string{"FC502 server.py:3 aiohttp keeps its default keepalive_timeout of 75 s"}},
		{name: "tornado template", files: mapFiles{"index.py": `import tornado.ioloop
import tornado.web

def make_app():
    return tornado.web.Application([(r"/", MainHandler)])

if __name__ == "__main__":
    app = make_app()
    app.listen(int(9000))
    tornado.ioloop.IOLoop.current().start()
`}, cmd: "python -u index.py", want: []string{"FC502 index.py:9 tornado keeps its default idle_connection_timeout of 3600 s"}},
		{name: "tornado tuned, wrong port", files: mapFiles{"index.py": `from tornado import web
app = web.Application([])
app.listen(8888, address='0.0.0.0', idle_connection_timeout=0)
`}, cmd: "python index.py", want: []string{"FC501 index.py:3 port 8888"}},
		{name: "flask factory", files: mapFiles{"wsgi.py": `from flask import Flask
from app import create_app
app = create_app()
app.run(host='127.0.0.1', port=9000)
`}, cmd: "python wsgi.py", want: []string{"FC501 wsgi.py:4 listens on 127.0.0.1 (host=\"127.0.0.1\")"}},
		{name: "asyncio.run is not a server", files: mapFiles{"main.py": `import asyncio
import flask
asyncio.run(main())
`}, cmd: "python main.py"},
		{name: "waitress", files: mapFiles{"serve.py": "from waitress import serve\nserve(app, port=8080)\n"}, cmd: "python serve.py",
			want: []string{"FC501 serve.py:2 port 8080", "FC502 serve.py:2 channel_timeout of 120 s"}},
		{name: "waitress-serve defaults", cmd: "waitress-serve app:app", want: []string{"FC501 :0 port 8080 (waitress's default port 8080)", "FC502 :0 channel_timeout of 120 s"}},
		{name: "waitress-serve tuned", cmd: "waitress-serve --listen=0.0.0.0:9000 --channel-timeout=86400 app:app"},
		{name: "django runserver", cmd: "python manage.py runserver", files: mapFiles{"manage.py": ""},
			want: []string{"FC501 :0 listens on 127.0.0.1 (runserver's default"}},
		{name: "django runserver public", cmd: "python manage.py runserver 0.0.0.0:9000", files: mapFiles{"manage.py": ""}},
		{name: "uvicorn CLI", cmd: "uvicorn main:app --host 0.0.0.0 --port 9000", want: []string{"FC502 :0 uvicorn keeps its default --timeout-keep-alive of 5 s"}},
		{name: "uvicorn CLI tuned", cmd: "python3 -m uvicorn main:app --host 0.0.0.0 --port 9000 --timeout-keep-alive 86400"},
		{name: "hypercorn defaults", cmd: "hypercorn main:app", want: []string{"FC501 :0 listens on 127.0.0.1 (hypercorn's default bind", "FC502 :0 hypercorn keeps its default keep_alive_timeout of 5 s"}},
		{name: "hypercorn tuned", cmd: "hypercorn -b 0.0.0.0:9000 --keep-alive 86400 main:app"},
		{name: "gunicorn sync", cmd: "gunicorn -b 0.0.0.0:9000 app:app",
			want: []string{"FC503 :0 sync worker", "FC502 :0 default --timeout of 30 s"}},
		{name: "gunicorn threads means gthread", cmd: "gunicorn --threads 4 -b 0.0.0.0:9000 app:app",
			want: []string{"FC502 :0 gthread worker keeps its default --keep-alive of 2 s"}},
		{name: "gunicorn tuned", cmd: "gunicorn -k uvicorn.workers.UvicornWorker --keep-alive 86400 -b 0.0.0.0:9000 app:app"},
		{name: "gunicorn.conf.py", cmd: "gunicorn app:app", files: mapFiles{"gunicorn.conf.py": `import os
bind = "127.0.0.1:" + os.environ.get("FC_CUSTOM_LISTEN_PORT", "9000")
worker_class = "gthread"
keepalive = 5  # seconds
`}, want: []string{"FC501 gunicorn.conf.py:2 listens on 127.0.0.1", "FC502 gunicorn.conf.py:4 keep-alive 5 s"}},
		{name: "GUNICORN_CMD_ARGS", cmd: "gunicorn -b 0.0.0.0:9000 app:app", vars: map[string]string{"GUNICORN_CMD_ARGS": "-k gevent --keep-alive 86400"}},
	})
}
