(module (import "wasm:memctl" "zero.0" (func (param i32 i32))) (memory 1))
