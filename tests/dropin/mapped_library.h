/* Whether the libzmq.so.5 a drop-in program runs on is the one its test
 * meant: LD_LIBRARY_PATH naming zmx's build directory must have taken
 * effect, or the test would pass on Debian's libzmq without saying so. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/* 1 if every libzmq.so mapped into this process lives in `directory`, and
 * one does; 0 otherwise (also if the directory or /proc/self/maps cannot
 * be read). */
int libzmq_mapped_only_from(const char *directory);

#ifdef __cplusplus
}
#endif
