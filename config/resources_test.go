package config

import (
	"os"
	"path/filepath"
	"testing"
)

// The probe's limits and lifecycle come from these fields.
func TestResourcesAndLifecycle(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		event      bool
	}{
		{"fc3", `edition: 3.0.0
resources:
  app:
    component: fc3
    props:
      functionName: app
      runtime: custom.debian10
      memorySize: 1024
      diskSize: 10240
      cpu: 0.5
      instanceConcurrency: 20
      instanceLifecycleConfig:
        preStop:
          handler: index.preStop
      triggers:
        - triggerName: t
          triggerType: timer
`, true},
		{"fc", `edition: 1.0.0
services:
  app:
    component: fc
    props:
      function:
        name: app
        runtime: custom
        memorySize: 1024
        diskSize: 10240
        cpu: 0.5
        instanceConcurrency: 20
        instanceLifecycleConfig:
          preStop:
            handler: index.preStop
      triggers:
        - name: web
          type: http
`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.yaml")
			os.WriteFile(path, []byte(tc.yaml), 0o644)
			file, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(file.Functions) != 1 {
				t.Fatalf("%d functions", len(file.Functions))
			}
			fn := file.Functions[0]
			if fn.MemorySize.Value != 1024 || fn.DiskSize.Value != 10240 || fn.CPU.Value != "0.5" || fn.InstanceConcurrency.Value != 20 {
				t.Errorf("memory %+v disk %+v cpu %+v concurrency %+v", fn.MemorySize, fn.DiskSize, fn.CPU, fn.InstanceConcurrency)
			}
			if fn.PreStop.Value != "index.preStop" {
				t.Errorf("PreStop %+v", fn.PreStop)
			}
			if fn.EventFunction() != tc.event {
				t.Errorf("EventFunction() = %v with triggers %+v", fn.EventFunction(), fn.TriggerTypes)
			}
		})
	}
}
