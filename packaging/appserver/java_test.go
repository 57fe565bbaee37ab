package appserver

import "testing"

func TestJava(t *testing.T) {
	boot := func(files map[string]string) mapFiles {
		all := map[string]string{"META-INF/MANIFEST.MF": "Main-Class: org.springframework.boot.loader.launch.JarLauncher\r\nSpring-Boot-Version: 3.2.0\r\n",
			"BOOT-INF/lib/tomcat-embed-core-10.1.16.jar": ""}
		for k, v := range files {
			all[k] = v
		}
		return mapFiles{"target/app.jar": jar(t, all)}
	}
	tuned := "server.tomcat.keep-alive-timeout=-1\nserver.tomcat.max-keep-alive-requests=-1\n"
	runCases(t, []appCase{
		{name: "spring boot defaults", cmd: "java -jar target/app.jar", files: boot(nil), want: []string{
			"FC501 :0 port 8080 (Spring Boot's default server.port 8080)",
			"FC502 :0 idle 60 s (Tomcat's default connectionTimeout",
			"FC503 :0 after 100 requests"}},
		{name: "properties in the jar", cmd: "java -Xmx512m -jar /code/target/app.jar", files: boot(map[string]string{
			"BOOT-INF/classes/application.properties": "# server.port=9000\nserver.port = ${FC_CUSTOM_LISTEN_PORT:9000}\nserver.address=127.0.0.1\n" + tuned}),
			want: []string{"FC501 target/app.jar!BOOT-INF/classes/application.properties:3 listens on 127.0.0.1"}},
		{name: "profile yml overrides", cmd: "java -Dspring.profiles.active=prod -jar target/app.jar", files: boot(map[string]string{
			"BOOT-INF/classes/application.yml":             "server:\n  port: 9000\n  tomcat:\n    keep-alive-timeout: -1\n    max-keep-alive-requests: -1\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\nserver:\n  port: 7000\n",
			"BOOT-INF/classes/application-prod.properties": "server.tomcat.connection-timeout=20s\nserver.tomcat.keep-alive-timeout=30s\n"}),
			want: []string{"FC502 target/app.jar!BOOT-INF/classes/application-prod.properties:2 idle 30 s"}},
		{name: "yml line", cmd: "java -jar target/app.jar", files: boot(map[string]string{
			"BOOT-INF/classes/application.yml": "server:\n  port: 8080 # the default\n  tomcat:\n    keep-alive-timeout: -1\n    max-keep-alive-requests: -1\n"}),
			want: []string{"FC501 target/app.jar!BOOT-INF/classes/application.yml:2 port 8080 (server.port=8080)"}},
		{name: "command-line port is FC302's, env port is read", cmd: "java -jar target/app.jar --server.port=8081", files: boot(map[string]string{"BOOT-INF/classes/application.properties": tuned})},
		{name: "SERVER_PORT", cmd: "java -jar target/app.jar", vars: map[string]string{"SERVER_PORT": "8081"}, files: boot(map[string]string{"BOOT-INF/classes/application.properties": tuned}),
			want: []string{"FC501 :0 port 8081"}},
		{name: "quarkus uber-jar", cmd: "java -jar app-runner.jar", files: mapFiles{"app-runner.jar": jar(t, map[string]string{
			"META-INF/MANIFEST.MF": "Main-Class: io.quarkus.bootstrap.runner.QuarkusEntryPoint\n", "application.properties": "quarkus.http.port=9000\n"})}},
		{name: "micronaut default port", cmd: "java -jar app.jar", files: mapFiles{"app.jar": jar(t, map[string]string{"io/micronaut/runtime/Micronaut.class": ""})},
			want: []string{"FC501 :0 port 8080 (Micronaut's default"}},
	})
}

func TestParseProperties(t *testing.T) {
	p := parseProperties([]byte("a=1\n  b : two\\\n   lines\n! c=3\nd\\:e = 4\nf 5\n"))
	want := map[string]string{"a": "1", "b": "twolines", "d:e": "4", "f": "5"}
	if len(p) != len(want) {
		t.Fatalf("got %v", p)
	}
	for k, v := range want {
		if p[k].value != v {
			t.Errorf("%s = %q, want %q", k, p[k].value, v)
		}
	}
	if p["b"].line != 2 {
		t.Errorf("b on line %d, want 2", p["b"].line)
	}
}
