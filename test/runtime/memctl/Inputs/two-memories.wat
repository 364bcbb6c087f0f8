;; Two memories of 1 wasm page each (input of bad-section.test).
(module (memory 1) (memory 1 2))
