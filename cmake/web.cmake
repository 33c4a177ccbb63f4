# The WebAssembly app (emcmake only): Dear ImGui from Debian's source package, src/ui and src/web on top of the
# core. Release flags follow the toolchain notes. The fonts (cmake/fonts.cmake) and the quizzes are files beside it.
# Two links of the same objects: the readers' wasm (pre-checked forms only) and the full one (quiz JSON, the studio).
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
list(FILTER CR_WEB_SOURCES EXCLUDE REGEX "/(studio|readers)\\.cpp$")  # each in one of the two links (below)
add_library(cr_web OBJECT ${CR_WEB_SOURCES})
add_library(cr_web_full OBJECT ${CMAKE_SOURCE_DIR}/src/web/studio.cpp ${CMAKE_SOURCE_DIR}/src/core/intake_json.cpp)
add_library(cr_web_readers OBJECT ${CMAKE_SOURCE_DIR}/src/web/readers.cpp ${CMAKE_SOURCE_DIR}/src/core/intake_form.cpp)
foreach(objects cr_web cr_web_full cr_web_readers)
  target_link_libraries(${objects} PUBLIC cr_ui)
  target_compile_options(${objects} PRIVATE ${CR_WEB_FLAGS} ${CR_WARNINGS})
endforeach()

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
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,HEAPU8,callMain
  # The renderer takes the font atlas's pixels from src/web/fonts.cpp, which never builds an atlas: ImGui's own
  # ImFontAtlas::GetTexDataAsRGBA32 may, through Build(), which links the built-in font (never drawn).
  -Wl,--wrap=_ZN11ImFontAtlas18GetTexDataAsRGBA32EPPhPiS2_S2_)

# The quiz's way in (src/core/intake.h) is chosen here, per link. crossroads.js + .wasm, the readers': pre-checked
# forms only, no JSON loader, validator or profile runner; crossroads-full.js + .wasm: quiz JSON instead, and the
# studio's calls (?quiz= files without a form, the studio, a preview, and the fallback when a form is refused);
# crossroads-single.js carries the full wasm inside (dist/quiz.html: from disk the studio's live quiz is in it).
# Each .wasm gets Binaryen once more, after emcc has dropped what the JavaScript does not use: -Oz until it stops
# shrinking. (The one-file build carries its wasm inside its JavaScript and keeps emcc's.)
find_program(CR_WASM_OPT wasm-opt REQUIRED)
function(cr_wasm target name variant)
  add_executable(${target} $<TARGET_OBJECTS:cr_web> $<TARGET_OBJECTS:cr_web_${variant}>)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME ${name} SUFFIX ".js" LINK_DEPENDS ${CR_JS_LIBRARY})
  target_link_libraries(${target} PRIVATE cr_ui)
  target_link_options(${target} PRIVATE ${CR_LINK_FLAGS} ${ARGN})
  if(NOT "-sSINGLE_FILE=1" IN_LIST ARGN)
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND ${CR_WASM_OPT} -Oz --converge ${name}.wasm -o ${name}.wasm
      WORKING_DIRECTORY ${CMAKE_BINARY_DIR} VERBATIM)
  endif()
endfunction()
cr_wasm(crossroads_web crossroads readers)
cr_wasm(crossroads_full crossroads-full full -sEXPORT_NAME=createCrossroadsFull)
cr_wasm(crossroads_single crossroads-single full -sSINGLE_FILE=1 -sEXPORT_NAME=createCrossroadsFull)
