# The widget's fonts, in packs by Unicode range, as browsers load web fonts by unicode-range: "base" (Basic Latin,
# Latin-1 and core punctuation) is fetched by every page, with the wasm (its mono file only for a quiz with code); the
# others only for a quiz that uses them (a character in two packs comes from the first). Each pack is subset from Debian's fonts for the three roles (regular, bold, mono); "symbols"
# has one file for all roles. scripts/font-tables.py turns the packs' coverage into the core's tables.
set(CR_FONT_DIR /usr/share/fonts/truetype)
set(CR_ROBOTO ${CR_FONT_DIR}/roboto/unhinted/RobotoTTF)
set(CR_MONO ${CR_FONT_DIR}/jetbrains-mono/JetBrainsMono-Regular.ttf)
set(CR_FONTS_OUT ${CMAKE_BINARY_DIR}/fonts)
set(CR_FONT_FILES)        # every subset file, fonts/<pack>-<role>.ttf
set(CR_FONT_TABLE_ARGS)   # pack:role=file, packs in lookup order

# cr_font_pack(pack unicodes role=source ...): subsets each source to `unicodes` as fonts/<pack>-<role>.ttf.
function(cr_font_pack pack unicodes)
  foreach(spec ${ARGN})
    string(REPLACE "=" ";" parts ${spec})
    list(GET parts 0 role)
    list(GET parts 1 source)
    set(subset ${CR_FONTS_OUT}/${pack}-${role}.ttf)
    add_custom_command(OUTPUT ${subset}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CR_FONTS_OUT}
      COMMAND /usr/bin/python3 -m fontTools.subset ${source} --unicodes=${unicodes} --output-file=${subset}
              --no-hinting --layout-features= --name-IDs= --notdef-outline --drop-tables+=FFTM
      DEPENDS ${source} VERBATIM)
    list(APPEND CR_FONT_FILES ${subset})
    list(APPEND CR_FONT_TABLE_ARGS ${pack}:${role}=${subset})
  endforeach()
  set(CR_FONT_FILES ${CR_FONT_FILES} PARENT_SCOPE)
  set(CR_FONT_TABLE_ARGS ${CR_FONT_TABLE_ARGS} PARENT_SCOPE)
endfunction()

set(CR_LETTERS regular=${CR_ROBOTO}/Roboto-Regular.ttf bold=${CR_ROBOTO}/Roboto-Bold.ttf mono=${CR_MONO})
cr_font_pack(base "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2212" ${CR_LETTERS})
cr_font_pack(latin-ext "U+0100-02FF,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F" ${CR_LETTERS})
cr_font_pack(greek-cyrillic "U+0370-03FF,U+0400-052F,U+1F00-1FFF" ${CR_LETTERS})
cr_font_pack(symbols "U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-23FF,U+25A0-27BF"
  regular=${CR_FONT_DIR}/dejavu/DejaVuSans.ttf)

set(CR_FONT_TABLES ${CMAKE_BINARY_DIR}/generated/font_tables.inc)
add_custom_command(OUTPUT ${CR_FONT_TABLES}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/scripts/font-tables.py ${CR_FONT_TABLES} /usr/share/unicode
          ${CR_FONT_TABLE_ARGS}
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/font-tables.py ${CR_FONT_FILES} VERBATIM)
add_custom_target(cr_fonts DEPENDS ${CR_FONT_FILES} ${CR_FONT_TABLES})
