(module (import "wasm:memctl" "protect.3" (func (param i32 i32 i32))) (memory 1))
