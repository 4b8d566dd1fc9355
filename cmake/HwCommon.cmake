# Settings every HomeWarden target shares (qBittorrent's qbt_common_cfg shape).
add_library(hw_common_cfg INTERFACE)
target_compile_features(hw_common_cfg INTERFACE cxx_std_20)
target_compile_options(hw_common_cfg INTERFACE
    -Wall -Wextra -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    -fstack-protector-strong
    $<$<BOOL:${HOMEWARDEN_WERROR}>:-Werror>)
target_compile_definitions(hw_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>
    $<$<CONFIG:Release>:QT_NO_DEBUG_OUTPUT>)
target_link_options(hw_common_cfg INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,--as-needed)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

option(HOMEWARDEN_WERROR "Treat compiler warnings as errors (CI turns this on)" OFF)

# The version and the protocol revisions live in one generated header.
configure_file(${CMAKE_SOURCE_DIR}/core/HomeWardenVersion.h.in
    ${CMAKE_BINARY_DIR}/generated/HomeWardenVersion.h @ONLY)
