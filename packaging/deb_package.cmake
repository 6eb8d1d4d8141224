# cpack -G DEB: one package that stands in for Debian's libzmq5 (the
# shared library) and libzmq3-dev (headers, libzmq.so, libzmq.a,
# libzmq.pc). It Provides both at libzmq's version, so packages that
# depend on them (python3-zmq, ...) accept it, and Conflicts with and
# Replaces them, so apt swaps them out rather than refusing overlapping
# files. Tests inspect it with dpkg-deb; none installs it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME libzmq5-zmx)
set(CPACK_PACKAGE_VENDOR zmx)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "zmx maintainers <zmx@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "zmx: a ZeroMQ library compatible with libzmq 4.3.4 (libzmq.so.5)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 12), libsodium23 (>= 1.0.18), libnettle8 (>= 3.8), libgnutls30 (>= 3.7), libmimalloc2.0 (>= 2.0)")
set(ZMX_REPLACED_PACKAGES "libzmq5, libzmq3-dev, libzmq5-dev")
set(CPACK_DEBIAN_PACKAGE_PROVIDES "libzmq5 (= ${PROJECT_VERSION}), libzmq3-dev (= ${PROJECT_VERSION}), libzmq5-dev")
set(CPACK_DEBIAN_PACKAGE_CONFLICTS "${ZMX_REPLACED_PACKAGES}, libzmq-dev")
set(CPACK_DEBIAN_PACKAGE_REPLACES "${ZMX_REPLACED_PACKAGES}")
include(CPack)
