;;; wenfeng.el --- wenfeng 文风 with eglot (Emacs 29 has eglot built in)  -*- lexical-binding: t; -*-
;; Needs `wenfeng' on PATH. Then M-x eglot in a draft, or eglot-ensure as below.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((text-mode markdown-mode) . ("wenfeng" "lsp"))))
;; Optional: settings that override .wenfeng.yaml, sent with workspace/didChangeConfiguration.
;; (setq-default eglot-workspace-configuration '(:wenfeng (:profile "jinxiang" :medium "tv")))
(add-hook 'text-mode-hook #'eglot-ensure)
;;; wenfeng.el ends here
