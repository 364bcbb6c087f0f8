(module (import "wasm:memctl" "unmap.01" (func (param i32 i32))) (memory 1) (memory 1))
