/* The zlib surface ZipArchive needs. Only ZipArchive imports this module. */
#include <zlib.h>

/* inflateInit2 and deflateInit2 are macros, which Swift cannot call: expose them as functions. */
static inline int czlib_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
static inline int czlib_deflate_init2(z_streamp stream, int level, int method, int windowBits,
                                      int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}
