/* The libxml2 surface XMLStream needs. Only XMLStream imports this module. */
#include <libxml/xmlversion.h>
/* libxml2's ICU headers clash with Foundation's own ICU copy ("'UErrorCode' has different
   definitions in different modules"); Consolida never uses libxml2's ICU support. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
