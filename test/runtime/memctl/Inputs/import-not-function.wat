(module (import "wasm:memctl" "protect.0" (global i32)) (memory 1))
