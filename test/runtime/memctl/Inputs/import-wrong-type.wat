(module (import "wasm:memctl" "discard.0" (func (param i32))) (memory 1))
