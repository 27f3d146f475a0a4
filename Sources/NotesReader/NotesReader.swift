// NotesReader: notebooks, WhatsApp, Evernote and Keep exports → contact events. See issue #5.
