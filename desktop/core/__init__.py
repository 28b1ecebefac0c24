"""Qt-free core: protocols, codecs, engines. Nothing under this package may import Qt."""
