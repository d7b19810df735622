/* wim-private.h — reading file data straight from WIM resources (wim-reader.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <wimlib.h>

G_BEGIN_DECLS

typedef struct
{
  char                         *name;        /* file name, for messages */
  gboolean                      is_package;  /* a .mum, not a .manifest */
  struct wimlib_resource_entry  res;
} UeWimBlob;

void _ue_wim_blob_free (UeWimBlob *blob);

/* data is NULL when the blob could not be read (damaged resource); borrowed for
 * the call. Return FALSE to stop reading. */
typedef gboolean (*UeWimBlobFunc) (UeWimBlob    *blob,
                                   const guint8 *data,
                                   gsize         len,
                                   gpointer      user_data);

typedef struct _UeWimReader UeWimReader;

UeWimReader *_ue_wim_reader_new      (const char                    *path,
                                      const struct wimlib_wim_info  *info,
                                      GError                       **error);
void         _ue_wim_reader_free     (UeWimReader                   *reader);
/* Reads the blobs in file order (it sorts the array), each resource chunk once. */
void         _ue_wim_reader_read_all (UeWimReader                   *reader,
                                      GPtrArray                     *blobs,
                                      UeWimBlobFunc                  func,
                                      gpointer                       user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeWimReader, _ue_wim_reader_free)

G_END_DECLS
