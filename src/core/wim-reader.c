/* wim-reader.c — reading file data straight from WIM resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libwim 1.13 has no "read this file into memory" call, and extracting thousands of
 * small manifests to a temporary folder costs several times what reading them
 * does. libwim tells where each blob lies (wimlib_iterate_dir_tree) and lends its
 * decompressors; the resource layout read here is the one libwim itself reads:
 *
 * - a plain resource holds one blob: (n-1) chunk offsets (4 bytes, 8 when the blob
 *   exceeds 4 GiB) relative to the end of the table, then n chunks; a chunk whose
 *   stored size equals its size is stored as is. Chunk size and compression come
 *   from the WIM header.
 * - a solid resource (ESD) packs many blobs: a 16-byte header (size, chunk size,
 *   compression format), then n 4-byte chunk *sizes*, then the chunks. Blobs are
 *   found by their offset in the uncompressed stream; each chunk is decompressed
 *   once for all the blobs that need it.
 * Every size read from the file is checked before use, so a damaged image gives an
 * unreadable blob (data NULL), never a read outside the buffers. Buffers grow with the
 * data actually read and decoded, never to a size the image merely claims: a damaged
 * header's gigabyte chunk size or blob size costs nothing.
 */
#define G_LOG_DOMAIN "ue-core"

#include "wim-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* larger "manifests" are not manifests: skip them instead of allocating */
#define MAX_BLOB_SIZE  (256u << 20)
#define MAX_CHUNK_SIZE (1u << 30)

struct _UeWimReader
{
  int                          fd;
  guint64                      file_size;
  guint32                      chunk_size;   /* of plain resources */
  int                          ctype;        /* of plain resources */
  struct wimlib_decompressor  *dec;
  guint32                      dec_chunk_size;
  int                          dec_ctype;
  guint8                      *cbuf;         /* compressed chunk */
  gsize                        cbuf_size;
  guint8                      *ubuf;         /* uncompressed chunk (solid) */
  gsize                        ubuf_size;
};

void
_ue_wim_blob_free (UeWimBlob *blob)
{
  g_free (blob->name);
  g_free (blob);
}

UeWimReader *
_ue_wim_reader_new (const char                    *path,
                    const struct wimlib_wim_info  *info,
                    GError                       **error)
{
  UeWimReader *r;
  struct stat st;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: error: %s", path, g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  r = g_new0 (UeWimReader, 1);
  r->fd = fd;
  r->file_size = st.st_size;
  r->chunk_size = info->chunk_size;
  r->ctype = info->compression_type;
  r->dec_ctype = -1;
  return r;
}

void
_ue_wim_reader_free (UeWimReader *r)
{
  if (r->dec != NULL)
    wimlib_free_decompressor (r->dec);
  g_free (r->cbuf);
  g_free (r->ubuf);
  close (r->fd);
  g_free (r);
}

static gboolean
read_at (UeWimReader *r,
         void        *buf,
         gsize        len,
         guint64      offset)
{
  guint8 *p = buf;

  if (offset > r->file_size || len > r->file_size - offset)
    return FALSE;
  while (len > 0)
    {
      gssize n = pread (r->fd, p, len, offset);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
      offset += n;
    }
  return TRUE;
}

/* *buf holds at least size bytes; its old contents are not kept */
static void
ensure_buffer (guint8 **buf,
               gsize   *buf_size,
               gsize    size)
{
  if (*buf_size < size)
    {
      g_free (*buf);
      *buf = g_malloc (size);
      *buf_size = size;
    }
}

/* the len bytes at offset are in the file */
static gboolean
in_file (UeWimReader *r,
         guint64      offset,
         guint64      len)
{
  return offset <= r->file_size && len <= r->file_size - offset;
}

/* Puts one chunk's data (csize stored bytes at offset) into out (usize bytes). */
static gboolean
read_chunk (UeWimReader *r,
            int          ctype,
            guint32      chunk_size,
            guint64      offset,
            gsize        csize,
            guint8      *out,
            gsize        usize)
{
  if (csize == 0 || csize > usize)
    return FALSE;
  if (csize == usize)
    return read_at (r, out, usize, offset);
  if (ctype == WIMLIB_COMPRESSION_TYPE_NONE || !in_file (r, offset, csize))
    return FALSE;
  ensure_buffer (&r->cbuf, &r->cbuf_size, csize);
  if (!read_at (r, r->cbuf, csize, offset))
    return FALSE;
  if (r->dec == NULL || r->dec_ctype != ctype || r->dec_chunk_size != chunk_size)
    {
      if (r->dec != NULL)
        wimlib_free_decompressor (r->dec);
      r->dec = NULL;
      if (wimlib_create_decompressor (ctype, chunk_size, &r->dec) != 0)
        return FALSE;
      r->dec_ctype = ctype;
      r->dec_chunk_size = chunk_size;
    }
  return wimlib_decompress (r->cbuf, csize, out, usize, r->dec) == 0;
}

static gboolean
valid_chunk_size (guint32 chunk_size)
{
  return chunk_size >= 512 && chunk_size <= MAX_CHUNK_SIZE && (chunk_size & (chunk_size - 1)) == 0;
}

/* A plain (non-solid) resource holding exactly this blob. */
static guint8 *
read_plain (UeWimReader                        *r,
            const struct wimlib_resource_entry *res)
{
  guint64 usize = res->uncompressed_size, csize = res->compressed_size;
  g_autofree guint8 *out = NULL;
  g_autofree guint8 *table = NULL;
  guint64 n_chunks, entry_size, table_size, data_start;
  gsize out_size = 0;

  if (usize > MAX_BLOB_SIZE || !in_file (r, res->offset, csize))
    return NULL;
  if (!res->is_compressed)
    {
      if (usize > csize)
        return NULL;
      out = g_malloc (usize + 1);
      return read_at (r, out, usize, res->offset) ? g_steal_pointer (&out) : NULL;
    }

  if (!valid_chunk_size (r->chunk_size))
    return NULL;
  n_chunks = (usize + r->chunk_size - 1) / r->chunk_size;
  entry_size = usize > G_MAXUINT32 ? 8 : 4;
  table_size = (n_chunks - 1) * entry_size;
  if (table_size > csize)
    return NULL;
  table = g_malloc (table_size + 1);
  if (!read_at (r, table, table_size, res->offset))
    return NULL;
  data_start = res->offset + table_size;

  for (guint64 i = 0; i < n_chunks; i++)
    {
      guint64 start = 0, end = csize - table_size;
      gsize chunk_usize = MIN (r->chunk_size, usize - i * r->chunk_size);

      if (i > 0)
        {
          guint32 v32;
          guint64 v64;
          if (entry_size == 4)
            memcpy (&v32, table + (i - 1) * 4, 4), start = GUINT32_FROM_LE (v32);
          else
            memcpy (&v64, table + (i - 1) * 8, 8), start = GUINT64_FROM_LE (v64);
        }
      if (i + 1 < n_chunks)
        {
          guint32 v32;
          guint64 v64;
          if (entry_size == 4)
            memcpy (&v32, table + i * 4, 4), end = GUINT32_FROM_LE (v32);
          else
            memcpy (&v64, table + i * 8, 8), end = GUINT64_FROM_LE (v64);
        }
      if (end <= start || end > csize - table_size)
        return NULL;
      /* grown (doubling) as chunks decode: a claimed size is not yet data */
      if (out_size < i * r->chunk_size + chunk_usize + 1)
        {
          out_size = MIN (MAX (out_size * 2, i * r->chunk_size + chunk_usize + 1), usize + 1);
          out = g_realloc (out, out_size);
        }
      if (!read_chunk (r, r->ctype, r->chunk_size, data_start + start, end - start,
                       out + i * r->chunk_size, chunk_usize))
        return NULL;
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  guint64   offset;          /* of the resource in the file */
  guint64   usize;
  guint32   chunk_size;
  int       ctype;
  guint64   n_chunks;
  guint64  *chunk_offsets;   /* n_chunks + 1, relative to data_start */
  guint64   data_start;
  gint64    current;         /* chunk in r->ubuf, or -1 */
} Solid;

static gboolean
solid_open (UeWimReader                        *r,
            const struct wimlib_resource_entry *res,
            Solid                              *s)
{
  guint8 header[16];
  guint64 usize, table_size;
  guint32 chunk_size, format;
  g_autofree guint8 *table = NULL;

  memset (s, 0, sizeof *s);
  s->current = -1;
  if (!read_at (r, header, sizeof header, res->raw_resource_offset_in_wim))
    return FALSE;
  memcpy (&usize, header, 8);
  memcpy (&chunk_size, header + 8, 4);
  memcpy (&format, header + 12, 4);
  usize = GUINT64_FROM_LE (usize);
  chunk_size = GUINT32_FROM_LE (chunk_size);
  format = GUINT32_FROM_LE (format);
  /* the header's format numbers are libwim's compression types */
  if (usize != res->raw_resource_uncompressed_size || !valid_chunk_size (chunk_size) ||
      format > WIMLIB_COMPRESSION_TYPE_LZMS)
    return FALSE;

  s->offset = res->raw_resource_offset_in_wim;
  s->usize = usize;
  s->chunk_size = chunk_size;
  s->ctype = format;
  s->n_chunks = (usize + chunk_size - 1) / chunk_size;
  table_size = s->n_chunks * 4;
  if (table_size + sizeof header > res->raw_resource_compressed_size ||
      !in_file (r, s->offset, res->raw_resource_compressed_size))
    return FALSE;
  table = g_malloc (table_size + 1);
  if (!read_at (r, table, table_size, s->offset + sizeof header))
    return FALSE;
  s->data_start = s->offset + sizeof header + table_size;
  s->chunk_offsets = g_new (guint64, s->n_chunks + 1);
  s->chunk_offsets[0] = 0;
  for (guint64 i = 0; i < s->n_chunks; i++)
    {
      guint32 size;
      memcpy (&size, table + i * 4, 4);
      s->chunk_offsets[i + 1] = s->chunk_offsets[i] + GUINT32_FROM_LE (size);
    }
  if (s->chunk_offsets[s->n_chunks] > res->raw_resource_compressed_size - sizeof header - table_size)
    {
      g_clear_pointer (&s->chunk_offsets, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
solid_load_chunk (UeWimReader *r,
                  Solid       *s,
                  guint64      i)
{
  gsize usize = MIN (s->chunk_size, s->usize - i * s->chunk_size);

  if ((gint64) i == s->current)
    return TRUE;
  s->current = -1;
  /* only for a chunk that solid_open found inside the file */
  ensure_buffer (&r->ubuf, &r->ubuf_size, usize);
  if (!read_chunk (r, s->ctype, s->chunk_size, s->data_start + s->chunk_offsets[i],
                   s->chunk_offsets[i + 1] - s->chunk_offsets[i], r->ubuf, usize))
    return FALSE;
  s->current = i;
  return TRUE;
}

/* Returns the blob's bytes: a pointer into the chunk buffer when the blob lies in
 * one chunk (*copy stays NULL), else a copy in *copy. */
static const guint8 *
solid_read (UeWimReader                        *r,
            Solid                              *s,
            const struct wimlib_resource_entry *res,
            guint8                            **copy)
{
  guint64 start = res->offset, len = res->uncompressed_size;
  guint64 first, last;

  *copy = NULL;
  if (start > s->usize || len > s->usize - start || len > MAX_BLOB_SIZE)
    return NULL;
  first = start / s->chunk_size;
  last = (start + len - 1) / s->chunk_size;
  if (first == last)
    return solid_load_chunk (r, s, first) ? r->ubuf + (start - first * s->chunk_size) : NULL;

  *copy = g_malloc (len + 1);
  for (guint64 i = first, done = 0; i <= last; i++)
    {
      guint64 chunk_start = i * s->chunk_size;
      guint64 from = MAX (start, chunk_start) - chunk_start;
      guint64 to = MIN (start + len, chunk_start + s->chunk_size) - chunk_start;

      if (!solid_load_chunk (r, s, i))
        {
          g_clear_pointer (copy, g_free);
          return NULL;
        }
      memcpy (*copy + done, r->ubuf + from, to - from);
      done += to - from;
    }
  return *copy;
}

static guint64
file_position (const UeWimBlob *blob)
{
  return blob->res.packed ? blob->res.raw_resource_offset_in_wim : blob->res.offset;
}

static int
compare_blobs (gconstpointer a,
               gconstpointer b)
{
  const UeWimBlob *x = *(UeWimBlob * const *) a;
  const UeWimBlob *y = *(UeWimBlob * const *) b;
  guint64 px = file_position (x), py = file_position (y);

  if (px != py)
    return px < py ? -1 : 1;
  if (x->res.offset != y->res.offset)
    return x->res.offset < y->res.offset ? -1 : 1;
  return 0;
}

void
_ue_wim_reader_read_all (UeWimReader   *r,
                         GPtrArray     *blobs,
                         UeWimBlobFunc  func,
                         gpointer       user_data)
{
  Solid solid = { 0 };
  gboolean solid_ok = FALSE;

  g_ptr_array_sort (blobs, compare_blobs);
  for (guint i = 0; i < blobs->len; i++)
    {
      UeWimBlob *blob = g_ptr_array_index (blobs, i);
      gboolean go_on;

      if (blob->res.uncompressed_size == 0 || blob->res.is_missing)
        go_on = func (blob, blob->res.is_missing ? NULL : (const guint8 *) "", 0, user_data);
      else if (blob->res.packed)
        {
          g_autofree guint8 *copy = NULL;
          const guint8 *data;

          if (solid.chunk_offsets == NULL || solid.offset != blob->res.raw_resource_offset_in_wim)
            {
              g_clear_pointer (&solid.chunk_offsets, g_free);
              solid_ok = solid_open (r, &blob->res, &solid);
              solid.offset = blob->res.raw_resource_offset_in_wim;
            }
          data = solid_ok ? solid_read (r, &solid, &blob->res, &copy) : NULL;
          go_on = func (blob, data, blob->res.uncompressed_size, user_data);
        }
      else
        {
          g_autofree guint8 *data = read_plain (r, &blob->res);
          go_on = func (blob, data, blob->res.uncompressed_size, user_data);
        }
      if (!go_on)
        break;
    }
  g_free (solid.chunk_offsets);
}
