/* autosave.h — unsaved work kept in $XDG_STATE_HOME, to offer after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each open document has a slot, named by an id: ID.xml holds the document's bytes as
 * they would be saved, ID.ini says which file they belong to and when they were written.
 * Both are written atomically (temporary file + rename) and readable only by the user,
 * since unsaved passwords may be in clear. After a clean save or close the slot is
 * removed; what is left when the editor starts again is work a crash would have lost.
 */
#pragma once

#include "answer-doc.h"

G_BEGIN_DECLS

#define UE_AUTOSAVE_ERROR (ue_autosave_error_quark ())
typedef enum
{
  UE_AUTOSAVE_ERROR_FAILED,
  UE_AUTOSAVE_ERROR_INVALID,   /* a slot whose .ini cannot be read */
} UeAutosaveError;
GQuark ue_autosave_error_quark (void);

typedef struct
{
  char    *id;
  char    *data_path;       /* ID.xml */
  char    *original_path;   /* the file the work belongs to; NULL for an untitled document */
  GDateTime *saved_at;      /* when the slot was last written (UTC) */
  gboolean hide_sensitive_data; /* the document's Hide Sensitive Data setting */
  gint     pid;             /* the process that wrote it */
  gboolean owner_running;   /* that process still runs on this machine: not crashed work */
} UeAutosaveEntry;

/* $XDG_STATE_HOME/unattend-editor/autosave (dir NULL in the calls below means this) */
char            *ue_autosave_default_dir (void);
/* a new slot id: unique, safe as a file name */
char            *ue_autosave_new_id      (void);
/* original_path: the file the work belongs to when the document has no path of its own
 * (recovered work, not saved yet); NULL: the document's path */
gboolean         ue_autosave_write       (const char    *dir,
                                          const char    *id,
                                          UeAnswerDoc   *doc,
                                          const char    *original_path,
                                          GError       **error);
/* removes the slot; a slot that does not exist is no error */
gboolean         ue_autosave_remove      (const char    *dir,
                                          const char    *id,
                                          GError       **error);
/* every slot, oldest first (UeAutosaveEntry*, transfer full); slots without data are skipped */
GPtrArray       *ue_autosave_list        (const char    *dir,
                                          GError       **error);
/* the saved work as a document without a path (saving asks where), shown under the
 * original file's name */
UeAnswerDoc     *ue_autosave_recover     (const UeAutosaveEntry *entry,
                                          GError       **error);
void             ue_autosave_entry_free  (UeAutosaveEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeAutosaveEntry, ue_autosave_entry_free)

G_END_DECLS
