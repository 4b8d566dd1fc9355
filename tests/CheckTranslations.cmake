# Fails when the sources hold a tr() string that the catalogue does not translate yet.
# lupdate runs on a copy, so a new string shows up here even if nobody ran update_translations.
get_filename_component(name ${TS_FILE} NAME)
set(copy ${WORK_DIR}/${name})
file(COPY ${TS_FILE} DESTINATION ${WORK_DIR})
execute_process(
    COMMAND ${LUPDATE} -silent -no-obsolete -locations none
            ${SOURCE_DIR}/app ${SOURCE_DIR}/core ${SOURCE_DIR}/ui -ts ${copy}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${copy}")
endif()
file(READ ${copy} catalogue)
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${catalogue}")
list(LENGTH unfinished count)
if(count GREATER 0)
    message(FATAL_ERROR "${name} lacks ${count} translations: build the update_translations target, then translate the entries marked unfinished.")
endif()
string(REGEX MATCHALL "<message>" messages "${catalogue}")
list(LENGTH messages total)
message(STATUS "${name}: all ${total} messages translated")
