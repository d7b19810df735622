/* window-private.h — the main window's state, shared by window*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "answer-view.h"
#include "catalog-view.h"
#include "core/answer-doc.h"
#include "core/catalog.h"
#include "core/validator.h"
#include "messages-pane.h"
#include "property-pane.h"
#include "window.h"

G_BEGIN_DECLS

struct _UeWindow
{
  GtkApplicationWindow parent_instance;

  /* template widgets */
  GtkHeaderBar   *header_bar;
  GtkMenuButton  *recent_button;
  GtkInfoBar     *recovery_bar;
  GtkLabel       *recovery_label;
  GtkInfoBar     *offline_bar;
  GtkLabel       *offline_label;
  UeCatalogView  *catalog_view;
  UeAnswerView   *answer_view;
  UePropertyPane *property_pane;
  UeMessagesPane *messages_pane;
  GtkRevealer    *build_revealer;
  GtkLabel       *build_label;
  GtkProgressBar *build_progress;
  GtkRevealer    *status_revealer;
  GtkLabel       *status_label;

  /* state */
  UeAnswerDoc    *doc;
  UeCatalog      *catalog;
  char           *offline_source;   /* cpi:offlineImage source offered in the info bar */
  char           *sysprep_command;  /* shown after a save, copied by win.copy-command */
  GCancellable   *build_cancellable; /* the catalog being built from an image, or NULL */
  UeValidator    *validator;
  guint           validate_id;      /* pending live validation */
  char           *autosave_id;      /* the document's autosave slot, once written */
  guint           autosave_timeout_id;
  char           *recovered_path;   /* the file recovered work belongs to (not saved to it yet) */
  GPtrArray      *recovery_entries; /* UeAutosaveEntry* offered in the recovery bar */
};

typedef void (*UeWindowContinuation) (UeWindow *self,
                                      gpointer  data);

/* window.c */
void     _ue_window_set_document       (UeWindow    *self,
                                        UeAnswerDoc *doc);
void     _ue_window_set_catalog        (UeWindow    *self,
                                        UeCatalog   *catalog);
void     _ue_window_update_title       (UeWindow    *self);
void     _ue_window_show_error         (UeWindow    *self,
                                        const char  *primary,
                                        const char  *secondary);
void     _ue_window_validate           (UeWindow    *self);
/* window-actions.c */
void     _ue_window_add_actions        (UeWindow    *self);
void     _ue_window_update_actions     (UeWindow    *self);
/* window-file.c */
/* runs then (data) unless the user cancels the unsaved-changes dialog; data freed with free */
void     _ue_window_confirm_discard    (UeWindow            *self,
                                        UeWindowContinuation then,
                                        gpointer             data,
                                        GDestroyNotify       free);
void     _ue_window_setup_recent       (UeWindow    *self);
void     _ue_window_offer_offline_image (UeWindow   *self);
void     _ue_window_new_cb             (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_open_cb            (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_save_cb            (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_save_as_cb         (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_copy_command_cb    (GSimpleAction *action, GVariant *param, gpointer user_data);
/* window-templates.c */
void     _ue_window_quick_setup_cb     (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_new_from_template_cb (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_open_as_template_cb (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_merge_cb           (GSimpleAction *action, GVariant *param, gpointer user_data);
/* window-autosave.c */
/* the document changed or was saved: keep or drop its autosave slot */
void     _ue_window_autosave_update    (UeWindow    *self);
/* the document leaves the window (closed, replaced): its slot goes too */
void     _ue_window_autosave_forget    (UeWindow    *self);
void     _ue_window_recovery_response_cb (GtkInfoBar *bar,
                                          int         response,
                                          UeWindow   *self);
/* window-catalog.c */
void     _ue_window_open_image_cb      (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_select_catalog_cb  (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_cancel_catalog_cb  (GSimpleAction *action, GVariant *param, gpointer user_data);
void     _ue_window_load_offline_image_cb (GSimpleAction *action, GVariant *param, gpointer user_data);
/* loads without asking about unsaved changes */
gboolean _ue_window_load_file          (UeWindow    *self,
                                        GFile       *file);

G_END_DECLS
