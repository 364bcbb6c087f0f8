# CMake toolchain file for wasm-memctl:
#   cmake -DCMAKE_TOOLCHAIN_FILE=<prefix>/share/wasm-memctl/cmake/wasm-memctl.cmake ...
# builds a project's C/C++ for wasm32-wasip1 with wmc-cc / wmc-c++.
# Executables get the .wasm suffix; run them with wmc-run.
get_filename_component(_WMC_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_C_COMPILER "${_WMC_PREFIX}/bin/wmc-cc")
set(CMAKE_CXX_COMPILER "${_WMC_PREFIX}/bin/wmc-c++")
set(CMAKE_C_COMPILER_TARGET wasm32-wasip1)
set(CMAKE_CXX_COMPILER_TARGET wasm32-wasip1)
set(CMAKE_AR "/usr/bin/llvm-ar-@WMC_LLVM_VERSION@" CACHE FILEPATH "archiver")
set(CMAKE_RANLIB "/usr/bin/llvm-ranlib-@WMC_LLVM_VERSION@" CACHE FILEPATH "ranlib")
set(CMAKE_EXECUTABLE_SUFFIX_C ".wasm")
set(CMAKE_EXECUTABLE_SUFFIX_CXX ".wasm")
set(CMAKE_C_COMPILER_WORKS ON)
set(CMAKE_CXX_COMPILER_WORKS ON)

# Search headers and libraries only in the wasm sysroot, programs on the host.
set(CMAKE_FIND_ROOT_PATH "${_WMC_PREFIX}/share/wasm-memctl/sysroot")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Tell projects how to run what they build (used by add_test / try_run).
set(CMAKE_CROSSCOMPILING_EMULATOR "${_WMC_PREFIX}/bin/wmc-run")
