# The Debian package of leadctl, built by CPack from an install of this build tree:
#   cmake --workflow --preset package    # Release build, then build/package/leadctl_<version>-1_<arch>.deb
# It holds what `cmake --install` installs (binary, man pages, shell completions,
# framework files) under /usr, plus Debian's copyright and changelog.Debian.gz; lintian
# reports no errors on it (the CTest "package: deb", tests/package/check_deb.sh, checks).
# Included from the top-level CMakeLists.txt after the install rules.

set(LEADCTL_DEB_MAINTAINER "leadctl maintainers <maintainers@users.noreply.r-seed-8f926575.example>"
    CACHE STRING "Maintainer field of the Debian package (name <email>)")
set(LEADCTL_DEB_RELEASE 1 CACHE STRING "Debian revision of the package (the -N of VERSION-N)")
set(LEADCTL_DEB_VERSION ${PROJECT_VERSION}-${LEADCTL_DEB_RELEASE})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)  # the package installs under /usr, not /usr/local

# Debian's own files, which only the package holds (not `cmake --install`): CPack runs
# this script while it stages the package (CPACK_INSTALL_SCRIPTS).
configure_file(${CMAKE_CURRENT_LIST_DIR}/changelog.in ${PROJECT_BINARY_DIR}/packaging/changelog.Debian @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/install_debian_docs.cmake.in
               ${PROJECT_BINARY_DIR}/packaging/install_debian_docs.cmake @ONLY)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME leadctl)
set(CPACK_PACKAGE_VENDOR "leadctl")
set(CPACK_PACKAGE_CONTACT "${LEADCTL_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian's extended description (lintian wants one); CPack indents it.
set(CPACK_PACKAGE_DESCRIPTION
    "leadctl holds the Medical Leadership Competency Framework (MLCF), the NHS\n"
    "Healthcare Leadership Model (HLM) and the FMLM leadership and management\n"
    "standards as checked YAML. It shows them in a terminal or as JSON, YAML or\n"
    "Markdown, validates framework files people write themselves, cross-maps\n"
    "frameworks, validates trainees' evidence logs, prints gap reports for one\n"
    "person or a whole cohort, reports 360-degree feedback rounds, and converts\n"
    "frameworks between YAML, JSON, CSV, 1EdTech CASE JSON, Moodle competency CSV\n"
    "and Markdown.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_INSTALL_SCRIPTS ${PROJECT_BINARY_DIR}/packaging/install_debian_docs.cmake)
set(CPACK_STRIP_FILES ON)  # lintian: unstripped-binary-or-object is an error
# 0755 directories whatever the umask of whoever runs cpack (lintian: non-standard-dir-perm).
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LEADCTL_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_RELEASE ${LEADCTL_DEB_RELEASE})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # leadctl_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from the libraries the binary links (libyaml, yaml-cpp, fmt, libuuid, libstdc++,
# libc), with the versions Debian's shlibs files give: dpkg-shlibdeps, from dpkg-dev.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# md5sums 0644, as dpkg-deb would make it (lintian: control-file-has-bad-permissions).
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
