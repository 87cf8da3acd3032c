// libzip, loaded when a zip container is first opened (DOCX, ODT, an annotated copy) rather
// than when wenfeng starts: libzip brings libcrypto and libbz2, whose relocations alone cost
// a check of a small text file as much as half of all its work. Include this header instead
// of <zip.h>: the libzip functions used are then calls through the loaded library.
#pragma once

#include <zip.h>

#define WENFENG_ZIP_FUNCTIONS(X) \
  X(close) \
  X(discard) \
  X(error_code_zip) \
  X(error_fini) \
  X(error_init) \
  X(error_set) \
  X(error_strerror) \
  X(error_to_data) \
  X(fclose) \
  X(file_add) \
  X(file_get_error) \
  X(file_set_mtime) \
  X(fopen_index) \
  X(fread) \
  X(get_error) \
  X(get_name) \
  X(get_num_entries) \
  X(name_locate) \
  X(open_from_source) \
  X(set_file_compression) \
  X(source_buffer) \
  X(source_buffer_create) \
  X(source_close) \
  X(source_free) \
  X(source_function) \
  X(source_keep) \
  X(source_make_command_bitmap) \
  X(source_open) \
  X(source_read) \
  X(source_seek) \
  X(source_tell) \
  X(source_zip) \
  X(stat_index) \
  X(stat_init)

namespace wenfeng::readers {

struct ZipApi {
#define X(name) decltype(&::zip_##name) name = nullptr;
  WENFENG_ZIP_FUNCTIONS(X)
#undef X
};

// The loaded library (thread-safe, loaded once), or null when libzip.so.4 or one of its
// functions cannot be found; zip_api_error() then says why.
const ZipApi* zip_api();
const char* zip_api_error();

}  // namespace wenfeng::readers

#define zip_close (::wenfeng::readers::zip_api()->close)
#define zip_discard (::wenfeng::readers::zip_api()->discard)
#define zip_error_code_zip (::wenfeng::readers::zip_api()->error_code_zip)
#define zip_error_fini (::wenfeng::readers::zip_api()->error_fini)
#define zip_error_init (::wenfeng::readers::zip_api()->error_init)
#define zip_error_set (::wenfeng::readers::zip_api()->error_set)
#define zip_error_strerror (::wenfeng::readers::zip_api()->error_strerror)
#define zip_error_to_data (::wenfeng::readers::zip_api()->error_to_data)
#define zip_fclose (::wenfeng::readers::zip_api()->fclose)
#define zip_file_add (::wenfeng::readers::zip_api()->file_add)
#define zip_file_get_error (::wenfeng::readers::zip_api()->file_get_error)
#define zip_file_set_mtime (::wenfeng::readers::zip_api()->file_set_mtime)
#define zip_fopen_index (::wenfeng::readers::zip_api()->fopen_index)
#define zip_fread (::wenfeng::readers::zip_api()->fread)
#define zip_get_error (::wenfeng::readers::zip_api()->get_error)
#define zip_get_name (::wenfeng::readers::zip_api()->get_name)
#define zip_get_num_entries (::wenfeng::readers::zip_api()->get_num_entries)
#define zip_name_locate (::wenfeng::readers::zip_api()->name_locate)
#define zip_open_from_source (::wenfeng::readers::zip_api()->open_from_source)
#define zip_set_file_compression (::wenfeng::readers::zip_api()->set_file_compression)
#define zip_source_buffer (::wenfeng::readers::zip_api()->source_buffer)
#define zip_source_buffer_create (::wenfeng::readers::zip_api()->source_buffer_create)
#define zip_source_close (::wenfeng::readers::zip_api()->source_close)
#define zip_source_free (::wenfeng::readers::zip_api()->source_free)
#define zip_source_function (::wenfeng::readers::zip_api()->source_function)
#define zip_source_keep (::wenfeng::readers::zip_api()->source_keep)
#define zip_source_make_command_bitmap (::wenfeng::readers::zip_api()->source_make_command_bitmap)
#define zip_source_open (::wenfeng::readers::zip_api()->source_open)
#define zip_source_read (::wenfeng::readers::zip_api()->source_read)
#define zip_source_seek (::wenfeng::readers::zip_api()->source_seek)
#define zip_source_tell (::wenfeng::readers::zip_api()->source_tell)
#define zip_source_zip (::wenfeng::readers::zip_api()->source_zip)
#define zip_stat_index (::wenfeng::readers::zip_api()->stat_index)
#define zip_stat_init (::wenfeng::readers::zip_api()->stat_init)
