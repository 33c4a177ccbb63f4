# The WebAssembly app (emcmake only): Dear ImGui from Debian's source package, src/ui and src/web on top of the
# core. Release flags follow the toolchain notes. The fonts (cmake/fonts.cmake) and the quizzes are files beside it.
if(NOT EXISTS "${CR_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${CR_IMGUI_DIR}; run scripts/deps.sh")
endif()

set(CR_WEB_FLAGS -Oz -flto -fno-exceptions -fno-rtti)

add_library(cr_imgui STATIC
  ${CR_IMGUI_DIR}/imgui.cpp
  ${CR_IMGUI_DIR}/imgui_draw.cpp
  ${CR_IMGUI_DIR}/imgui_tables.cpp
  ${CR_IMGUI_DIR}/imgui_widgets.cpp
  ${CR_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(cr_imgui SYSTEM PUBLIC ${CR_IMGUI_DIR} ${CR_IMGUI_DIR}/backends)
# 32-bit indices (WebGL2 has them): a long screen of text can pass 65,536 vertices without wrapping around.
# 32-bit ImWchar: characters beyond U+FFFF (emoji) are code points, not two halves.
target_compile_definitions(cr_imgui PUBLIC "ImDrawIdx=unsigned int" IMGUI_USE_WCHAR32 IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(cr_imgui PRIVATE ${CR_WEB_FLAGS})
target_compile_options(cr_core PRIVATE ${CR_WEB_FLAGS})
target_compile_options(cr_app PRIVATE ${CR_WEB_FLAGS})

# ---- ui and web layers ------------------------------------------------------------------------------
file(GLOB CR_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
list(FILTER CR_UI_SOURCES EXCLUDE REGEX "/headless\\.cpp$")  # the native tools' context (src/ui/headless.h)
add_library(cr_ui STATIC ${CR_UI_SOURCES} ${CR_TOKENS_INC})
target_include_directories(cr_ui PRIVATE ${CMAKE_BINARY_DIR}/generated)
target_link_libraries(cr_ui PUBLIC cr_app cr_imgui)
target_compile_options(cr_ui PRIVATE ${CR_WEB_FLAGS} ${CR_WARNINGS})

file(GLOB CR_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/web/*.cpp)
add_library(cr_web OBJECT ${CR_WEB_SOURCES})
target_link_libraries(cr_web PUBLIC cr_ui)
target_compile_options(cr_web PRIVATE ${CR_WEB_FLAGS} ${CR_WARNINGS})

# Every JavaScript function the wasm imports is in one JS library (declared for C++ in src/web/page.h).
set(CR_JS_LIBRARY ${CMAKE_SOURCE_DIR}/web/bridge-library.js)
set(CR_LINK_FLAGS ${CR_WEB_FLAGS}
  --closure 1
  --js-library ${CR_JS_LIBRARY}
  -sENVIRONMENT=web -sFILESYSTEM=0 -sASSERTIONS=0 -sALLOW_MEMORY_GROWTH=1 -sMALLOC=emmalloc
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sMODULARIZE=1 -sEXPORT_NAME=createCrossroads
  # The page's calls into the wasm are the EMSCRIPTEN_KEEPALIVE functions of src/web (docs/contract.md); only the
  # runtime's own entry points are named here.
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,HEAPU8
  # The renderer takes the font atlas's pixels from src/web/fonts.cpp, which never builds an atlas: ImGui's own
  # ImFontAtlas::GetTexDataAsRGBA32 may, through Build(), which links the built-in font (never drawn).
  -Wl,--wrap=_ZN11ImFontAtlas18GetTexDataAsRGBA32EPPhPiS2_S2_)

# crossroads.js + crossroads.wasm for dist/; crossroads-single.js carries the wasm inside (dist/quiz.html).
add_executable(crossroads_web $<TARGET_OBJECTS:cr_web>)
set_target_properties(crossroads_web PROPERTIES OUTPUT_NAME crossroads SUFFIX ".js")
target_link_libraries(crossroads_web PRIVATE cr_ui)
target_link_options(crossroads_web PRIVATE ${CR_LINK_FLAGS})
set_target_properties(crossroads_web PROPERTIES LINK_DEPENDS ${CR_JS_LIBRARY})

add_executable(crossroads_single $<TARGET_OBJECTS:cr_web>)
set_target_properties(crossroads_single PROPERTIES OUTPUT_NAME crossroads-single SUFFIX ".js")
target_link_libraries(crossroads_single PRIVATE cr_ui)
target_link_options(crossroads_single PRIVATE ${CR_LINK_FLAGS} -sSINGLE_FILE=1)
set_target_properties(crossroads_single PROPERTIES LINK_DEPENDS ${CR_JS_LIBRARY})

# Binaryen once more over the linked wasm, after emcc has dropped what the JavaScript does not use: -Oz until it
# stops shrinking. (The one-file build carries its wasm inside its JavaScript and keeps emcc's.)
find_program(CR_WASM_OPT wasm-opt REQUIRED)
add_custom_command(TARGET crossroads_web POST_BUILD
  COMMAND ${CR_WASM_OPT} -Oz --converge crossroads.wasm -o crossroads.wasm
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR} VERBATIM)
