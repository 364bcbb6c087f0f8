(module (import "wasm:memctl" "page_size.0" (func (result i32))) (memory 1))
