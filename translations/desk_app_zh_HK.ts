<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>ActionLauncher</name>
    <message>
        <location filename="../desk_app/ui/actions/launcher.py" line="+122"/>
        <source>Caller verification: PASS</source>
        <translation>核實來電者：通過</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caller verification: FAIL</source>
        <translation>核實來電者：不通過</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Batch reprint: {done} of {total} written.</source>
        <translation>批量重印：已寫入 {done} 份，共 {total} 份。</translation>
    </message>
</context>
<context>
    <name>ActionPlans</name>
    <message>
        <location filename="../desk_app/ui/actions/plans.py" line="+83"/>
        <source>Unlock early: {who}</source>
        <extracomment>the call note offered after a success, from the reason given</extracomment>
        <translation>提早解除封鎖：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解除封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the lock now. The candidate can log in (or register) at once.</source>
        <translation>立即解除封鎖。考生可即時登入（或登記）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlocked {id}.</source>
        <translation>{id} 已解除封鎖。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reset email queued to {address}.</source>
        <translation>重設密碼電郵已排隊寄往 {address}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A single-use link goes to {email}; older links stop working. It does not unlock the account.</source>
        <translation>一次性連結會寄往 {email}；較舊的連結即時失效。此操作不會為帳戶解除封鎖。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Send a password-reset email: {who}</source>
        <translation>發送重設密碼電郵：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>發送</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Temporary password: {who}</source>
        <translation>臨時密碼：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue</source>
        <translation>發出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A one-time password replaces the current one and ends a lock. It is shown to you once, to hand over; the candidate must change it at the next login.</source>
        <translation>一次性密碼會取代現有密碼並解除封鎖。密碼只會向你顯示一次，以便交給考生；考生下次登入時必須更改密碼。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Registered email changed to {email}.</source>
        <translation>登記電郵已改為 {email}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The registered email is {email}. A notice goes to the old address and a confirmation to the new one; open reset links stop working.</source>
        <translation>現時的登記電郵是 {email}。系統會通知舊地址，並向新地址發出確認；尚未使用的重設連結即時失效。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Change the registered email: {who}</source>
        <translation>更改登記電郵：{who}</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Unlocked early: {reason}</source>
        <translation>已提早解除封鎖：{reason}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Password-reset email sent: {reason}</source>
        <translation>已寄出重設密碼電郵：{reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Temporary password given: {reason}</source>
        <translation>已發出臨時密碼：{reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Registered email changed: {reason}</source>
        <translation>已更改登記電郵：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New email:</source>
        <translation>新電郵(&amp;N)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Letter {serial} issued.</source>
        <translation>已發出密碼信 {serial}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The account is registered: the new letter shows the ID Number and how to reset the password, without a Secret Number.</source>
        <translation>帳戶已登記：新密碼信會列出考生編號及重設密碼的方法，不會附有 Secret Number。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new Secret Number is made and every older letter stops working at once. The number exists only in the letter you now print.</source>
        <translation>系統會產生新的 Secret Number，所有較舊的密碼信即時失效。新號碼只會出現在你現在打印的密碼信上。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reissue the letter: {who}</source>
        <translation>補發密碼信：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reissue and preview</source>
        <translation>補發並預覽</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Letter reissued: {reason}</source>
        <translation>已補發密碼信：{reason}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Statement reprinted ({exam}): {reason}</source>
        <translation>已重印成績報告（{exam}）：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the newest exam</source>
        <translation>最近一次考試</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The Statement of Results of {exam}, marked REPRINT, numbered and audited.</source>
        <translation>{exam}的成績報告，會標示「重印」、編號並記入審計記錄。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reprint the statement: {who}</source>
        <translation>重印成績報告：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint and preview</source>
        <translation>重印並預覽</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Statement {serial} printed; verification code {code}.</source>
        <translation>已打印成績報告 {serial}；驗證碼 {code}。</translation>
    </message>
</context>
<context>
    <name>ActionRules</name>
    <message>
        <location filename="../desk_app/ui/actions/rules.py" line="+94"/>
        <source>Your role may not do this.</source>
        <extracomment>why not, in the current language (&quot;&quot; when enabled) a supervisor acting without a current verification: ask for an override reason a current verification pass of this candidate by this desk the entry chosen in the pane (for a statement), if any</extracomment>
        <translation>你的職務不可進行此操作。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a candidate first.</source>
        <translation>請先開啟考生資料。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Verify the caller first ({verify}), or record the identity document seen ({document}).</source>
        <translation>請先核實來電者（{verify}），或記錄已核對的身分證明文件（{document}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verify the caller first ({verify}).</source>
        <translation>請先核實來電者（{verify}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account is not locked.</source>
        <translation>帳戶沒有被封鎖。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The candidate has not registered a results account.</source>
        <translation>考生尚未登記成績帳戶。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The selected exam has no released result.</source>
        <translation>所選的考試沒有已公佈的成績。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The candidate has no released result.</source>
        <translation>考生沒有已公佈的成績。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../desk_app/services/message_labels.py" line="+49"/>
        <source>search for candidates</source>
        <extracomment>what an ``action`` parameter names (``Your role (…) may not {action}.``)</extracomment>
        <translation>搜尋考生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export search results</source>
        <translation>匯出搜尋結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>look at a candidate&apos;s details</source>
        <translation>查看考生資料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add call notes</source>
        <translation>加入通話記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify callers</source>
        <translation>核實來電者身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record an identity document</source>
        <translation>記錄身份證明文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlock accounts</source>
        <translation>為帳戶解除封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send password-reset links</source>
        <translation>發送重設密碼連結</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change a registered email address</source>
        <translation>更改登記的電郵地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reissue letters</source>
        <translation>補發密碼信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give temporary passwords</source>
        <translation>發出臨時密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reprint statements of results</source>
        <translation>重印成績報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reprint statements in a batch</source>
        <translation>批量重印成績報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see the lockouts</source>
        <translation>查看被封鎖的帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see or export the audit trail</source>
        <translation>查看或匯出審計記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage staff accounts</source>
        <translation>管理職員帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import the exam board&apos;s files</source>
        <translation>匯入考試局的檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export every candidate and result</source>
        <translation>匯出全部考生及成績</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print exam-day letters</source>
        <translation>打印考試當日的密碼信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the desk&apos;s answers</source>
        <translation>查閱服務台的答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email answers to candidates</source>
        <translation>以電郵向考生發送答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit the desk&apos;s answers</source>
        <translation>編輯服務台的答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change the reasons the desk offers</source>
        <translation>更改服務台提供的原因</translation>
    </message>
</context>
<context>
    <name>AnswerEditorDialog</name>
    <message>
        <location filename="../desk_app/ui/knowledge/editor_dialog.py" line="+122"/>
        <source>Edit an answer</source>
        <translation>編輯答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the answer “{title}”</source>
        <translation>編輯答案「{title}」</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text:</source>
        <translation>內容：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placeholders, filled in for the candidate on screen:</source>
        <translation>預留位置（按畫面上的考生自動填入）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why? e.g. the hotline&apos;s opening hours changed</source>
        <translation>原因？例如：查詢熱線的服務時間有變</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Give the reason for the change.</source>
        <translation>請提供更改的原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A text has at most {limit} characters.</source>
        <translation>內容最多 {limit} 個字元。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both titles and both texts are needed.</source>
        <translation>兩種語言的標題及內容均須填寫。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
</context>
<context>
    <name>AnswerEmailDialog</name>
    <message>
        <location filename="../desk_app/ui/knowledge/email_dialog.py" line="+116"/>
        <source>Email an answer</source>
        <translation>以電郵發送答案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Email “{title}” to {name}</source>
        <translation>以電郵把「{title}」發送給 {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{address} (registered)</source>
        <translation>{address}（已登記）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address} (on file)</source>
        <translation>{address}（存檔）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The email is in {language} first, then in the other language, like the office&apos;s other emails. It goes out through the outbox and is audited.</source>
        <translation>電郵先以{language}書寫，另一種語言隨後，與本處其他電郵相同。電郵經待發郵件寄出，並記入審計記錄。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send</source>
        <translation>發送</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending…</source>
        <translation>正在發送…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../desk_app/ui/common/message_box.py" line="+19"/>
        <source>Results Desk</source>
        <translation>成績服務台</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../desk_app/services/audit/wording.py" line="+21"/>
        <source>Desk sign-in</source>
        <extracomment>every kind of event the desk writes, with the name the filter offers, in this order</extracomment>
        <translation>登入服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed desk sign-in</source>
        <translation>登入服務台失敗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk sign-out</source>
        <translation>登出服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons offered changed</source>
        <translation>更改預設原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk locked</source>
        <translation>鎖定服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk unlocked</source>
        <translation>解鎖服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed desk unlock</source>
        <translation>解鎖服務台失敗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate opened</source>
        <translation>開啟考生資料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock timeline viewed</source>
        <translation>查看封鎖時間線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller verified</source>
        <translation>已核實來電者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller verification failed</source>
        <translation>核實來電者不通過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early unlock</source>
        <translation>提早解除封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password-reset email</source>
        <translation>重設密碼電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary password</source>
        <translation>臨時密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered email changed</source>
        <translation>更改登記電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter reissued</source>
        <translation>補發密碼信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement reprinted</source>
        <translation>重印成績報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call note</source>
        <translation>通話記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exam-day letters printed</source>
        <translation>打印考試當日密碼信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement checked by an institution</source>
        <translation>機構核實成績報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered on the website</source>
        <translation>在網上查閱成績網站登記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account locked</source>
        <translation>帳戶被封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration locked</source>
        <translation>登記被封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed on the website</source>
        <translation>在網站更改密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password reset with the emailed link</source>
        <translation>以電郵連結重設密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email delivered</source>
        <translation>已送達電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email not delivered</source>
        <translation>電郵未能送達</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email withdrawn</source>
        <translation>已撤回電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results released</source>
        <translation>公佈成績</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File imported</source>
        <translation>匯入檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate corrected by an import</source>
        <translation>匯入時更正考生資料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result corrected by an import</source>
        <translation>匯入時更正成績</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result withdrawn by an import</source>
        <translation>匯入時撤回成績</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results exported</source>
        <translation>匯出成績</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail exported</source>
        <translation>匯出審計記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results exported</source>
        <translation>匯出搜尋結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockout history exported</source>
        <translation>匯出封鎖記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer edited</source>
        <translation>編輯答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer emailed</source>
        <translation>以電郵發送答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member added</source>
        <translation>新增職員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member deactivated</source>
        <translation>停用職員帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data made</source>
        <translation>建立示範資料</translation>
    </message>
</context>
<context>
    <name>AuditCheck</name>
    <message>
        <location filename="../desk_app/services/audit/messages.py" line="+47"/>
        <source>row {row} was edited</source>
        <translation>第 {row} 行曾被修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row} was moved: it belongs after row {after}</source>
        <translation>第 {row} 行曾被移動：它應在第 {after} 行之後</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row} does not follow row {after}: inserted or replaced</source>
        <translation>第 {row} 行未能接上第 {after} 行：曾被插入或替換</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>row {first} deleted before row {row}</source>
        <translation>第 {row} 行之前的第 {first} 行已被刪除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows {first}–{last} deleted before row {row}</source>
        <translation>第 {row} 行之前的第 {first} 至 {last} 行已被刪除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {first} deleted at the end</source>
        <translation>最後的第 {first} 行已被刪除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows {first}–{last} deleted at the end</source>
        <translation>最後的第 {first} 至 {last} 行已被刪除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {first} was added outside the chain</source>
        <translation>第 {first} 行是在記錄鏈以外加入的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows {first}–{last} were added outside the chain</source>
        <translation>第 {first} 至 {last} 行是在記錄鏈以外加入的</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the chain&apos;s head record is missing</source>
        <translation>記錄鏈的首項記錄不見了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row} does not match the chain&apos;s head</source>
        <translation>第 {row} 行與記錄鏈的首項記錄不符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not an audit event</source>
        <translation>不是審計事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
</context>
<context>
    <name>AuditDetailsDialog</name>
    <message>
        <location filename="../desk_app/ui/audit/details_dialog.py" line="+40"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Audit event {number}</source>
        <translation>審計記錄第 {number} 項</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>執行者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID Number</source>
        <translation>考生編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>對象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hash</source>
        <translation>雜湊值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous hash</source>
        <translation>上一項的雜湊值</translation>
    </message>
</context>
<context>
    <name>AuditEvents</name>
    <message>
        <location filename="../desk_app/services/audit/wording.py" line="+6"/>
        <source>Signed in to the desk</source>
        <extracomment>what happened, one sentence per event; the placeholders are filled from its details</extracomment>
        <translation>登入服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong password at the desk&apos;s sign-in for {username}</source>
        <translation>{username} 登入服務台時密碼錯誤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong password at the desk&apos;s sign-in for {username}: sign-in locked</source>
        <translation>{username} 登入服務台時密碼錯誤：登入已被封鎖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed out of the desk</source>
        <translation>已登出服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed the reasons offered for “{preset_action}”</source>
        <translation>已更改「{preset_action}」的預設原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed out of the desk for another staff member to sign in</source>
        <translation>已登出服務台，讓另一位職員登入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked the desk by hand</source>
        <translation>已手動鎖定服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The desk locked itself after {minutes} minutes without use</source>
        <translation>服務台閒置 {minutes} 分鐘後自動鎖定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlocked the desk</source>
        <translation>已解鎖服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong password at the locked desk for {username}</source>
        <translation>{username} 解鎖服務台時密碼錯誤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong password at the locked desk for {username}: sign-in locked</source>
        <translation>{username} 解鎖服務台時密碼錯誤：登入已被封鎖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened the details of {id_number}</source>
        <translation>開啟了 {id_number} 的資料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looked at the lock timeline of {id_number}</source>
        <translation>查看了 {id_number} 的封鎖時間線</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verified the caller for {id_number}</source>
        <translation>已核實 {id_number} 的來電者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saw the identity document of {id_number}: {document}</source>
        <translation>已查看 {id_number} 的身份證明文件：{document}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Caller verification failed for {id_number} ({failures} failures in 24 hours)</source>
        <translation>{id_number} 的來電者核實不通過（24 小時內 {failures} 次不通過）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caller verification failed for {id_number}: {failures} failures in 24 hours, flagged</source>
        <translation>{id_number} 的來電者核實不通過：24 小時內 {failures} 次不通過，已標示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlocked the account of {id_number} early</source>
        <translation>提早為 {id_number} 的帳戶解除封鎖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queued a password-reset email for {id_number} to {to}</source>
        <translation>已安排向 {to} 發送 {id_number} 的重設密碼電郵</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gave {id_number} a temporary password</source>
        <translation>已向 {id_number} 發出臨時密碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gave {id_number} a temporary password, which ended the lock</source>
        <translation>已向 {id_number} 發出臨時密碼，並因此解除封鎖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changed the registered email of {id_number} from {old} to {new}</source>
        <translation>已把 {id_number} 的登記電郵由 {old} 改為 {new}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reissued the letter of {id_number} with a new Secret Number ({serial})</source>
        <translation>已補發 {id_number} 附有新 Secret Number 的密碼信（{serial}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reissued the letter of {id_number} without a Secret Number: already registered ({serial})</source>
        <translation>已補發 {id_number} 沒有 Secret Number 的密碼信：考生已登記（{serial}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reprinted the Statement of Results of {id_number} ({exam}, {serial})</source>
        <translation>已重印 {id_number} 的成績報告（{exam}，{serial}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added a call note for {id_number}</source>
        <translation>已為 {id_number} 加入通話記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added a counter note for {id_number}</source>
        <translation>已為 {id_number} 加入櫃位記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed {count} exam-day letters for centre {centre} ({new} new, {reissued} again)</source>
        <translation>已為考試中心 {centre} 打印 {count} 封考試當日密碼信（新發 {new} 封，再發 {reissued} 封）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An institution checked statement {serial} of {id_number}</source>
        <translation>有機構核實了 {id_number} 的成績報告 {serial}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{id_number} registered on the results website</source>
        <translation>{id_number} 已在網上查閱成績網站登記</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The account of {id_number} was locked after {failures} wrong passwords, until {until}</source>
        <translation>{id_number} 的帳戶在輸錯密碼 {failures} 次後被封鎖，直至 {until}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registration for {id_number} was locked after {failures} wrong Secret Numbers, until {until}</source>
        <translation>{id_number} 的登記在輸錯 Secret Number {failures} 次後被封鎖，直至 {until}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{id_number} changed the password on the results website</source>
        <translation>{id_number} 在網上查閱成績網站更改了密碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{id_number} set a new password with the emailed link</source>
        <translation>{id_number} 以電郵連結設定了新密碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{id_number} set a new password with the emailed link, which ended the lock</source>
        <translation>{id_number} 以電郵連結設定了新密碼，並因此解除封鎖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Email delivered: {mail}</source>
        <translation>已送達電郵：{mail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email not delivered after {attempts} attempts: {mail}</source>
        <translation>嘗試 {attempts} 次後電郵仍未能送達：{mail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Email withdrawn before delivery: {mail}</source>
        <translation>電郵在送達前已撤回：{mail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results released: {entries} entries, {emails} emails queued</source>
        <translation>已公佈成績：{entries} 項考試報名，已安排 {emails} 封電郵</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported {file}: {rows} rows, {new_candidates} new candidates, {changed_candidates} corrected</source>
        <translation>已匯入 {file}：{rows} 行，新增考生 {new_candidates} 名，更正 {changed_candidates} 名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An import corrected the details of {id_number} (line {line})</source>
        <translation>匯入時更正了 {id_number} 的資料（第 {line} 行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An import corrected the {exam} result of {id_number} (line {line})</source>
        <translation>匯入時更正了 {id_number} 的 {exam} 成績（第 {line} 行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An import withdrew the {exam} result of {id_number} (line {line})</source>
        <translation>匯入時撤回了 {id_number} 的 {exam} 成績（第 {line} 行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {rows} rows of results to {file}</source>
        <translation>已把 {rows} 行成績匯出至 {file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {rows} audit events to {file}</source>
        <translation>已把 {rows} 項審計記錄匯出至 {file}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported the {rows} candidates found for “{query}” to {file}</source>
        <translation>把搜尋「{query}」找到的 {rows} 名考生匯出至 {file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {rows} rows of the lockout history ({first} to {last}) to {file}</source>
        <translation>把封鎖記錄（{first} 至 {last}）共 {rows} 行匯出至 {file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edited the desk&apos;s answer “{answer}”, now version {version}</source>
        <translation>編輯了服務台的答案「{answer}」，現為第 {version} 版</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emailed the desk&apos;s answer “{answer}” to {id_number} at {to}</source>
        <translation>以電郵把服務台的答案「{answer}」發送給 {id_number}（{to}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added staff member {username} as {role}</source>
        <translation>已新增職員 {username}，職位為{role}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivated staff member {username}</source>
        <translation>已停用職員 {username} 的帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made demo data: {candidates} candidates</source>
        <translation>已建立示範資料：{candidates} 名考生</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded “{action}”</source>
        <extracomment>an event of a kind this desk does not know (written by a newer one)</extracomment>
        <translation>已記錄「{action}」</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../desk_app/ui/audit/filters.py" line="+106"/>
        <source>&amp;Who</source>
        <translation>執行者(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ki&amp;nd</source>
        <translation>類別(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID Number</source>
        <translation>考生編號(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any candidate</source>
        <translation>任何考生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fro&amp;m</source>
        <translation>由(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any kind</source>
        <translation>任何類別</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no longer active</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>AuditMail</name>
    <message>
        <location filename="../desk_app/services/audit/wording.py" line="+5"/>
        <source>registration confirmation</source>
        <extracomment>the outbox&apos;s kinds of email, as a ``{mail}`` value names them</extracomment>
        <translation>登記確認電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password-reset link</source>
        <translation>重設密碼連結電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temporary-password notice</source>
        <translation>臨時密碼通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed-email notice to the old address</source>
        <translation>寄往舊地址的更改電郵通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed-email confirmation to the new address</source>
        <translation>寄往新地址的更改電郵確認</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reissued-letter notice</source>
        <translation>補發密碼信通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>results-available notice</source>
        <translation>成績已公佈通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of the desk&apos;s answers</source>
        <translation>服務台的答案</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../desk_app/ui/audit/model.py" line="+51"/>
        <source>No.</source>
        <extracomment>staff usernames → display names, for the Who column</extracomment>
        <translation>編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>執行者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID Number</source>
        <translation>考生編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../desk_app/ui/audit/view.py" line="+189"/>
        <source>Newest</source>
        <extracomment>the export dialog open, and the filters it writes</extracomment>
        <translation>最新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◀ Newer</source>
        <translation>◀ 較新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older ▶</source>
        <translation>較舊 ▶</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{action} ({keys})</source>
        <translation>{action}（{keys}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>D&amp;etails…</source>
        <translation>詳情(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify the chain…</source>
        <translation>核實記錄鏈(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport to CSV…</source>
        <translation>匯出至 CSV(&amp;X)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that no event was changed, removed or added since it was written.</source>
        <translation>檢查記錄寫入後有沒有被修改、刪除或加插。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the events the filters show to a CSV file.</source>
        <translation>把篩選後顯示的記錄寫入 CSV 檔案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit &amp;trail</source>
        <translation>審計記錄(&amp;T)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No event matches these filters.</source>
        <translation>沒有符合這些篩選條件的記錄。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events {newest}–{oldest}, newest first</source>
        <translation>第 {newest} 至 {oldest} 項記錄，最新的排先</translation>
    </message>
    <message>
        <location filename="../desk_app/ui/audit/words.py" line="+48"/>
        <source>Results website</source>
        <translation>網上查閱成績網站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desk (automatic)</source>
        <translation>服務台（自動）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statement check</source>
        <translation>成績報告核實</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal ({login})</source>
        <translation>終端機（{login}）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>by {who}</source>
        <translation>由 {who} 執行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kind: {kind}</source>
        <translation>類別：{kind}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID Number {id_number}</source>
        <translation>考生編號 {id_number}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from {first}</source>
        <translation>由 {first} 起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until {last}</source>
        <translation>至 {last} 止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every event</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>AwayNotice</name>
    <message>
        <location filename="../desk_app/ui/connection/away.py" line="+59"/>
        <source>The database cannot be reached: this waits until it is back. What you have entered stays here.</source>
        <translation>無法連接資料庫：待資料庫恢復後才可使用。你已輸入的內容會保留。</translation>
    </message>
</context>
<context>
    <name>BatchReprintDialog</name>
    <message>
        <location filename="../desk_app/ui/actions/batch_reprint_dialog.py" line="+124"/>
        <location line="+45"/>
        <source>Batch reprint of statements</source>
        <translation>批量重印成績報告</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Paste the ID Numbers, one a line. Each candidate&apos;s newest released statement is reprinted, audited with your reason, and saved in the folder as &lt;serial&gt;.pdf.</source>
        <translation>貼上考生編號，每行一個。系統會重印每位考生最近公佈的成績報告，連同你的原因記入審計記錄，並以 &lt;serial&gt;.pdf 儲存在資料夾中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a folder</source>
        <translation>選擇資料夾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>選擇(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID Numbers:</source>
        <translation>考生編號(&amp;I)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Folder:</source>
        <translation>資料夾(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where to save the statements</source>
        <translation>成績報告儲存位置</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{count} ID Numbers</source>
        <translation>{count} 個考生編號</translation>
    </message>
</context>
<context>
    <name>BatchRunner</name>
    <message>
        <location filename="../desk_app/ui/common/batch_progress.py" line="+116"/>
        <location line="+36"/>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+17"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping after the current item…</source>
        <translation>完成目前一項後停止…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{number} of {total}: {item}</source>
        <translation>第 {number} 項，共 {total} 項：{item}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Done: {done} of {total}.</source>
        <translation>已完成：{done} 項，共 {total} 項。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped on request: the rest were not done.</source>
        <translation>已按要求停止：其餘項目沒有處理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: {count}.</source>
        <translation>失敗：{count} 項。</translation>
    </message>
</context>
<context>
    <name>CallActions</name>
    <message>
        <location filename="../desk_app/ui/actions/call_actions.py" line="+114"/>
        <source>Not verified: you will be asked for an override reason.</source>
        <translation>尚未核實：系統會要求你提供特准處理的原因。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Verify caller…</source>
        <translation>核實來電者(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify caller</source>
        <translation>核實來電者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the caller&apos;s name, date of birth and one identifier.</source>
        <translation>核對來電者的姓名、出生日期及一項識別資料。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identity &amp;document seen…</source>
        <translation>已查看身份證明文件(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document seen</source>
        <translation>已查看證件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the counter: record the identity document you checked.</source>
        <translation>櫃位適用：記錄你已核對的身份證明文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unlock early…</source>
        <translation>提早解除封鎖(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解除封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the lock now instead of waiting for it to run out.</source>
        <translation>立即解除封鎖，毋須等待封鎖時間屆滿。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send password-&amp;reset email…</source>
        <translation>發送重設密碼電郵(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset email</source>
        <translation>重設密碼電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email a single-use reset link to the registered address.</source>
        <translation>向登記電郵地址發送一次性重設連結。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Temporary password…</source>
        <translation>臨時密碼(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temp. password</source>
        <translation>臨時密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the counter: a one-time password, changed at the next login.</source>
        <translation>櫃位適用：一次性密碼，下次登入時須更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change registered &amp;email…</source>
        <translation>更改登記電郵(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change email</source>
        <translation>更改電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a candidate who lost access to the registered address.</source>
        <translation>適用於無法再使用登記電郵的考生。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reissue &amp;letter…</source>
        <translation>補發密碼信(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reissue letter</source>
        <translation>補發密碼信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new letter (and Secret Number); every older letter stops working.</source>
        <translation>發出新密碼信（及新的 Secret Number）；所有較舊的密碼信即時失效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;print statement…</source>
        <translation>重印成績報告(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement</source>
        <translation>成績報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint the Statement of Results of the selected exam.</source>
        <translation>重印所選考試的成績報告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add call &amp;note</source>
        <translation>新增通話記錄(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write what this call was about.</source>
        <translation>記下這次來電的內容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loc&amp;kouts view</source>
        <translation>封鎖一覽(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockouts</source>
        <translation>封鎖一覽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts locked now, lockout counts and likely attacks.</source>
        <translation>目前被封鎖的帳戶、封鎖次數及可能的攻擊。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Batch reprint of statements…</source>
        <translation>批量重印成績報告(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch reprint</source>
        <translation>批量重印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint many statements into a folder.</source>
        <translation>將多份成績報告重印到資料夾。</translation>
    </message>
</context>
<context>
    <name>CandidateHeader</name>
    <message>
        <location filename="../desk_app/ui/candidate/header.py" line="+94"/>
        <source>{id_number} · born {date} · centre {centre}</source>
        <translation>{id_number} · 出生日期 {date} · 考試中心 {centre}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The date of birth shows once the caller passed.</source>
        <translation>來電者通過核實後才顯示出生日期。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Locked until {time}</source>
        <translation>封鎖至 {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlocks by itself in {duration} ({countdown})</source>
        <translation>{duration}後自動解除封鎖（{countdown}）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Flagged: repeated failures</source>
        <translation>已標記：多次核實失敗</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caller not verified ({key})</source>
        <translation>未核實來電者（{key}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FAIL: the caller&apos;s details did not match</source>
        <translation>不通過：來電者提供的資料不符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verification ran out: verify again</source>
        <translation>核實已過期：請重新核實</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PASS · Verified by you until {time} ({countdown} left)</source>
        <translation>通過 · 你的核實有效至 {time}（尚餘 {countdown}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity document seen · valid until {time} ({countdown} left)</source>
        <translation>已查看身份證明文件 · 有效至 {time}（尚餘 {countdown}）</translation>
    </message>
</context>
<context>
    <name>CandidatePane</name>
    <message>
        <location filename="../desk_app/ui/candidate/pane.py" line="+131"/>
        <source>Select a candidate in the list to see their details here.</source>
        <translation>在清單中選取考生，即可在此查看其資料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+F: search · ↓: into the list · Enter: open · Esc: back to the search</source>
        <translation>Ctrl+F：搜尋 · ↓：移到清單 · Enter：開啟 · Esc：返回搜尋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F1: every key of the desk</source>
        <translation>F1：服務台的所有按鍵</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Loading the candidate…</source>
        <translation>正在載入考生資料…</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../desk_app/ui/search/table_model.py" line="+83"/>
        <source>Locked</source>
        <translation>已封鎖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered</source>
        <translation>已登記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not registered</source>
        <translation>未登記</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>ID Number</source>
        <translation>考生編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中文姓名</source>
        <translation>中文姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>考試中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>帳戶</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Shown once the caller passed verification</source>
        <translation>來電者通過核實後顯示</translation>
    </message>
</context>
<context>
    <name>CandidateTabs</name>
    <message>
        <location filename="../desk_app/ui/candidate/tabs.py" line="+66"/>
        <source>&amp;Overview</source>
        <translation>概覽(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeline ({count})</source>
        <translation>時序（{count}）(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;etters ({count})</source>
        <translation>密碼信（{count}）(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes ({count})</source>
        <translation>記錄（{count}）(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ChainCheck</name>
    <message>
        <location filename="../desk_app/ui/audit/check_runner.py" line="+100"/>
        <location line="+19"/>
        <source>Verify the audit chain</source>
        <extracomment>problems listed in the summary; the rest are counted</extracomment>
        <translation>核實審計記錄鏈</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Reading the audit trail…</source>
        <translation>正在讀取審計記錄…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+1"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked {checked} of {total} events…</source>
        <translation>已檢查 {checked} / {total} 項記錄…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The check stopped: the database could not be reached. A check only reads, so nothing was changed. Run it again once the database answers.</source>
        <translation>檢查已停止：無法連接資料庫。檢查只會讀取資料，因此沒有任何改動。資料庫恢復回應後，請再檢查一次。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It had read {checked} of {total} events.</source>
        <translation>停止前已讀取 {total} 項記錄中的 {checked} 項。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The audit chain is intact: {count} events checked, none changed, removed or added.</source>
        <translation>審計記錄鏈完整無缺：已檢查 {count} 項記錄，沒有被修改、刪除或加插。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit chain is BROKEN: {problems} problem(s) in {count} events. Someone with the database owner&apos;s rights changed the trail; keep this list.</source>
        <translation>審計記錄鏈已被破壞：{count} 項記錄中有 {problems} 個問題。有人以資料庫擁有者的權限改動了記錄；請保留這份清單。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>…and {count} more.</source>
        <translation>…另外還有 {count} 個。</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <location filename="../desk_app/services/live/messages.py" line="+33"/>
        <source>the account was locked (wrong passwords)</source>
        <extracomment>what a ``change`` parameter names: the audit action that made the view out of date</extracomment>
        <translation>帳戶已被封鎖（密碼錯誤）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the account was locked (wrong Secret Numbers)</source>
        <translation>帳戶已被封鎖（Secret Number 錯誤）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the account was registered</source>
        <translation>帳戶已完成登記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the password was changed</source>
        <translation>密碼已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the password was reset with an emailed link</source>
        <translation>已透過電郵連結重設密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the account was unlocked</source>
        <translation>帳戶已解除封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a password-reset email was sent</source>
        <translation>已發送重設密碼電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a temporary password was issued</source>
        <translation>已發出臨時密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the registered email was changed</source>
        <translation>登記電郵已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a new letter was issued</source>
        <translation>已發出新的密碼信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the candidate&apos;s details were corrected by an import</source>
        <translation>考生資料已由匯入的檔案更正</translation>
    </message>
</context>
<context>
    <name>CountBars</name>
    <message>
        <location filename="../desk_app/ui/lockouts/count_bars.py" line="+73"/>
        <source>highest: {count}</source>
        <translation>最高：{count}</translation>
    </message>
</context>
<context>
    <name>DatabaseBanner</name>
    <message>
        <location filename="../desk_app/ui/connection/banner.py" line="+67"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database cannot be reached: reconnecting… (for {elapsed})</source>
        <translation>無法連接資料庫：正在重新連接…（已持續 {elapsed}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Actions wait until the database is back; the desk reconnects by itself.</source>
        <translation>資料庫恢復前，所有操作暫停；系統會自動重新連接，毋須任何操作。</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../desk_app/ui/signin/database_password.py" line="+70"/>
        <source>Database password</source>
        <translation>資料庫密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database {database} on {host} asks for the password of {user}.</source>
        <translation>位於 {host} 的資料庫 {database} 要求輸入 {user} 的密碼。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That password was not accepted.</source>
        <translation>密碼不正確。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remember it in this computer&apos;s password store (keyring)</source>
        <translation>記在這部電腦的密碼庫（keyring）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password is used for this session only.</source>
        <translation>密碼只會在這次使用期間使用。</translation>
    </message>
</context>
<context>
    <name>DatabaseWatch</name>
    <message>
        <location filename="../desk_app/ui/connection/watch.py" line="+132"/>
        <source>The database cannot be reached: this waits until it is back.</source>
        <extracomment>a look-up that failed while the database answers (only its connection died): again after actions whose connection died: request id → who wants to know</extracomment>
        <translation>無法連接資料庫：待資料庫恢復後才可使用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database answers again.</source>
        <translation>已重新連接資料庫。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The action under way when the connection was lost was done.</source>
        <translation>連線中斷時正在進行的操作已經完成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action under way when the connection was lost was not done; nothing was changed.</source>
        <translation>連線中斷時正在進行的操作沒有完成；資料沒有任何改動。</translation>
    </message>
</context>
<context>
    <name>DeskKeys</name>
    <message>
        <location filename="../desk_app/ui/actions/desk_keys.py" line="+82"/>
        <source>&amp;Reload the candidate and the list</source>
        <translation>重新載入考生及名單(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasons &amp;offered…</source>
        <translation>常用原因(&amp;O)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to export yet: search for candidates first.</source>
        <translation>暫時沒有可匯出的內容：請先搜尋考生。</translation>
    </message>
</context>
<context>
    <name>DocumentSeenDialog</name>
    <message>
        <location filename="../desk_app/ui/actions/verify_dialog.py" line="+313"/>
        <source>Identity document seen</source>
        <translation>已查看身份證明文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity document seen: {who}</source>
        <translation>已查看身份證明文件：{who}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the name, date of birth and photo on the document against the candidate before you record it.</source>
        <translation>記錄前，請核對證件上的姓名、出生日期及相片與考生相符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HKID card</source>
        <translation>香港身份證</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport</source>
        <translation>護照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mainland Travel Permit for HK and Macao Residents</source>
        <translation>港澳居民來往內地通行證</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Macao ID card</source>
        <translation>澳門身份證</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other identity document</source>
        <translation>其他身份證明文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Document:</source>
        <translation>證件(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Say which identity document you saw.</source>
        <translation>請說明你核對了哪種身分證明文件。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../desk_app/ui/common/errors.py" line="+32"/>
        <source>The request was refused ({code}).</source>
        <translation>要求被拒絕（{code}）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The database did not answer as expected; nothing was changed. Try again.</source>
        <translation>資料庫沒有如常回應；資料沒有任何改動。請再試一次。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/messages.py" line="+53"/>
        <source>The {field} contains characters that are not allowed.</source>
        <translation>{field}含有不准使用的字元。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The {field} is too long (at most {limit} characters).</source>
        <translation>{field}太長（最多 {limit} 個字元）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The {field} is required.</source>
        <translation>必須填寫{field}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not an email address.</source>
        <translation>「{value}」不是電郵地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{value}” is not a role (operator, counter, supervisor, admin).</source>
        <translation>「{value}」不是職務（operator 熱線接線員、counter 櫃位職員、supervisor 主管、admin 系統管理員）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Give a reason for this action.</source>
        <translation>請提供進行此操作的原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A staff password needs at least {min_length} characters.</source>
        <translation>職員密碼最少要有 {min_length} 個字元。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Your role ({role}) may not {action}.</source>
        <translation>你的職務（{role}）不可進行此操作：{action}。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrong username or password.</source>
        <translation>用戶名稱或密碼錯誤。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong passwords: this staff login is locked until {until}.</source>
        <translation>密碼錯誤次數太多：此職員登入已封鎖至 {until}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A staff member “{username}” already exists.</source>
        <translation>已有名為「{username}」的職員。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This staff account is deactivated.</source>
        <translation>此職員帳戶已停用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last active administrator cannot be deactivated.</source>
        <translation>不可停用最後一位在職的系統管理員。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unable to authenticate user. Please check your details and try again.</source>
        <translation>無法驗證用戶身份。請檢查所輸入的資料，然後再試一次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ID Number and Secret Number do not match.</source>
        <translation>考生編號（ID Number）與 Secret Number 不符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ID Number is already registered.</source>
        <translation>此考生編號已經登記。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ID Number has no registered account yet.</source>
        <translation>此考生編號尚未登記帳戶。</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>The two passwords are not the same.</source>
        <translation>兩次輸入的密碼不相同。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The terms of use must be accepted.</source>
        <translation>必須接受使用條款。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Verify the caller before acting on this candidate.</source>
        <translation>處理此考生的事項前，請先核實來電者身份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The caller&apos;s details do not match our records.</source>
        <translation>來電者提供的資料與記錄不符。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This account is not locked.</source>
        <translation>此帳戶沒有被封鎖。</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Too many wrong passwords: this account is locked until {until} UTC. Try again later or use “Forgotten your password?”.</source>
        <translation>密碼錯誤次數太多：此帳戶已封鎖至 {until}（UTC）。請稍後再試，或使用「Forgotten your password?」（忘記密碼）功能。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too many wrong Secret Numbers: registration for this ID Number is locked until {until} UTC.</source>
        <translation>Secret Number 錯誤次數太多：此考生編號的登記已封鎖至 {until}（UTC）。</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The new password must be different from the old one.</source>
        <translation>新密碼不可與舊密碼相同。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This email address is already the registered one.</source>
        <translation>此電郵地址已是登記的電郵地址。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Give the caller&apos;s ID Number, email or phone number as well.</source>
        <translation>請同時提供來電者的考生編號、電郵或電話號碼。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>This reset link is not valid or has expired.</source>
        <translation>此重設連結無效或已過期。</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>“{value}” is not an ID Number: it has {digits} digits, with up to {letters} letters before them (e.g. {example} or {short_example}).</source>
        <translation>「{value}」不是考生編號：考生編號有 {digits} 位數字，前面最多可有 {letters} 個英文字母（例如 {example} 或 {short_example}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{value}” is not an ID Number: it has {letters} letter(s), then {digits} digits (e.g. {example}).</source>
        <translation>「{value}」不是考生編號：考生編號是 {letters} 個英文字母，後接 {digits} 位數字（例如 {example}）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{value}” is not an ID Number: it has {digits} digits (e.g. {example}).</source>
        <translation>「{value}」不是考生編號：考生編號有 {digits} 位數字（例如 {example}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not an ID Number as this office writes them: check it on the letter.</source>
        <translation>「{value}」不符合本處考生編號的格式：請核對密碼信上的編號。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“{value}” is not a date: write it as DD/MM/YYYY or YYYY-MM-DD.</source>
        <translation>「{value}」不是日期：請以 DD/MM/YYYY 或 YYYY-MM-DD 格式輸入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A username has 2–64 characters: letters a–z, digits, dots, dashes or underscores.</source>
        <translation>用戶名稱有 2 至 64 個字元：只可用英文字母（a 至 z）、數字、句點、連字號或底線。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{value}” is not a language of the desk (en, zh_HK).</source>
        <translation>「{value}」不是服務台可用的語言（en、zh_HK）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a way of getting in touch (phone, counter, email).</source>
        <translation>「{value}」不是聯絡方式（phone 電話、counter 櫃位、email 電郵）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password is not valid text (UTF-8): check how it was typed or passed on.</source>
        <translation>密碼不是有效的文字（UTF-8）：請檢查輸入或傳送密碼的方式。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A Secret Number is 4 to 8 digits (0–9), as printed on the letter.</source>
        <translation>Secret Number 是 4 至 8 位數字（0 至 9），與密碼信上打印的相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lockouts are counted per hour or per day.</source>
        <translation>封鎖次數只可按小時或按日統計。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockouts are counted over at most {limit} periods: choose a later start.</source>
        <translation>封鎖次數最多統計 {limit} 個時段：請選擇較後的開始日期。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The number of messages to send must be at least {minimum}.</source>
        <translation>要發送的郵件數目最少為 {minimum}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give {option} as well.</source>
        <translation>請同時提供 {option}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the staff password in {variable}, or run the command in a terminal to type it.</source>
        <translation>請在 {variable} 提供職員密碼，或在終端機執行指令後輸入密碼。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the password on standard input (one line).</source>
        <translation>請在標準輸入提供密碼（一行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the verification code printed on the statement: desk-app statement verify CODE.</source>
        <translation>請提供成績報告上打印的驗證碼：desk-app statement verify CODE。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{value}” is one word too many: desk-app statement takes one ID Number (to check a code: desk-app statement verify CODE).</source>
        <translation>「{value}」是多出來的字詞：desk-app statement 只接受一個考生編號（核對編碼請用 desk-app statement verify CODE）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The config file {file} cannot be read: check that it is a file you may read.</source>
        <translation>無法讀取設定檔 {file}：請檢查它是否一個你有權讀取的檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The config file {file} is not valid TOML: check it near line {line}.</source>
        <translation>設定檔 {file} 不是有效的 TOML：請檢查第 {line} 行附近的內容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the config file, {setting} must be a TOML {kind}.</source>
        <translation>設定檔中的 {setting} 必須是 TOML 的 {kind}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the config file, “{value}” is not a time zone (write one such as Asia/Hong_Kong).</source>
        <translation>設定檔中的「{value}」不是時區（請填寫例如 Asia/Hong_Kong 的時區）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the config file, the ID Number pattern “{value}” is not a regular expression.</source>
        <translation>設定檔中的考生編號格式「{value}」不是正規表示式。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the mail server user ([smtp] username) in the config file first.</source>
        <translation>請先在設定檔中設定郵件伺服器用戶（[smtp] username）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No font with Chinese characters for PDFs was found. Install one (on Debian: apt-get install {packages}) or set pdf_font in the config file.</source>
        <translation>找不到可在 PDF 中顯示中文字的字型。請安裝一款（Debian：apt-get install {packages}），或在設定檔中設定 pdf_font。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in as a staff member who may {action}: add --as STAFF.</source>
        <translation>請以有權{action}的職員身份登入：加上 --as STAFF。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff members exist already: an administrator adds the others, signed in with --as ADMIN.</source>
        <translation>系統已有職員：其他職員須由系統管理員以 --as ADMIN 登入後加入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first staff member is an administrator: add them with --role admin.</source>
        <translation>第一位職員必須是系統管理員：請用 --role admin 加入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This sign-in is no longer valid: sign in again.</source>
        <translation>此登入已失效：請重新登入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong password: the desk stays locked.</source>
        <translation>密碼錯誤：服務台仍然鎖定。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A password needs at least {min_length} characters, among them at least {min_letters} letter(s) and {min_digits} digits (0–9); other characters may be added.</source>
        <translation>密碼最少要有 {min_length} 個字元，當中最少有 {min_letters} 個字母及 {min_digits} 個數字（0 至 9）；亦可加入其他字元。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>These results are not released yet.</source>
        <translation>這些成績尚未公佈。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This candidate has no released results.</source>
        <translation>此考生沒有已公佈的成績。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database already has candidates or staff: demo data goes only into an empty one.</source>
        <translation>資料庫已有考生或職員：示範資料只可放入空的資料庫。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database was upgraded by a newer Results Desk ({revision}). Update this program.</source>
        <translation>資料庫已由較新版本的成績服務台升級（{revision}）。請更新本程式。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database needs an upgrade: an administrator runs “desk-app db upgrade”.</source>
        <translation>資料庫需要升級：請系統管理員執行「desk-app db upgrade」。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database is empty: run “desk-app db upgrade” first.</source>
        <translation>資料庫是空的：請先執行「desk-app db upgrade」。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database URL cannot be read: write sqlite:///FILE or postgresql+psycopg://USER@HOST/DATABASE.</source>
        <translation>無法讀取資料庫網址：請寫成 sqlite:///FILE 或 postgresql+psycopg://USER@HOST/DATABASE。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Results Desk works with SQLite or PostgreSQL, not “{kind}”.</source>
        <translation>成績服務台只支援 SQLite 或 PostgreSQL，不支援「{kind}」。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a PostgreSQL database takes a password; this one is {kind}.</source>
        <translation>只有 PostgreSQL 資料庫需要密碼；這個資料庫是 {kind}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database {database} cannot be reached. Try again or call the administrator.</source>
        <translation>無法連接資料庫 {database}。請再試一次，或聯絡系統管理員。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database server {server} does not answer. Try again or call the administrator.</source>
        <translation>資料庫伺服器 {server} 沒有回應。請再試一次，或聯絡系統管理員。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database server {server} cannot be found: check the database URL.</source>
        <translation>找不到資料庫伺服器 {server}：請檢查資料庫網址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no database “{name}” on {server}: check the database URL.</source>
        <translation>{server} 上沒有資料庫「{name}」：請檢查資料庫網址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder of the database file {file} cannot be made: choose another place (--db).</source>
        <translation>無法建立資料庫檔案 {file} 所在的資料夾：請選擇其他位置（--db）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file {file} cannot be opened: check that you may read and write it.</source>
        <translation>無法開啟資料庫檔案 {file}：請檢查你是否有權讀寫該檔案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file {file} is locked by another program. Try again in a moment.</source>
        <translation>資料庫檔案 {file} 正被另一個程式鎖住。請稍後再試。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} is not a database file: check the database URL.</source>
        <translation>{file} 不是資料庫檔案：請檢查資料庫網址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database refused the request; nothing was changed.</source>
        <translation>資料庫拒絕了這個要求；資料沒有任何改動。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The exam catalogue lacks {exams}: run “desk-app db upgrade” first.</source>
        <translation>考試目錄缺少 {exams}：請先執行「desk-app db upgrade」。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Something went wrong; details were written to {file}.</source>
        <translation>程式出現問題；詳情已寫入 {file}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong, and the details could not be written to {file}.</source>
        <translation>程式出現問題，而且未能把詳情寫入 {file}。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/mail/messages.py" line="+15"/>
        <source>No reset link can be sent: the office has not set the address of the results website&apos;s reset page (reset_link_base in [office] of the config file). A temporary password at the counter still works.</source>
        <translation>未能發送重設連結：辦事處尚未設定網上查閱成績網站重設密碼頁的網址（設定檔 [office] 內的 reset_link_base）。櫃位仍可發出臨時密碼。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/documents/messages.py" line="+15"/>
        <source>The exam-day letters of centre {centre} were printed already ({count}). To print them again, reissue them: each gets a new Secret Number.</source>
        <translation>考試中心 {centre} 的考試當日密碼信已經打印（{count} 封）。如需再次打印，請選擇補發：每封信會有新的 Secret Number。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No letters wait to be printed for centre {centre}.</source>
        <translation>考試中心 {centre} 沒有待打印的密碼信。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/mail/messages.py" line="+6"/>
        <source>The certificate authority file “{name}” ([smtp] ca_file) cannot be read or holds no certificate.</source>
        <translation>無法讀取憑證機構檔案「{name}」（[smtp] ca_file），或檔案內沒有憑證。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The mail server {host}:{port} could not be reached ({detail}); the emails wait for the next run.</source>
        <translation>無法連接郵件伺服器 {host}:{port}（{detail}）；電郵會留待下次發送。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The mail server {host}:{port} refused the login ({detail}); check [smtp] username and the stored password. The emails wait for the next run.</source>
        <translation>郵件伺服器 {host}:{port} 拒絕登入（{detail}）；請檢查 [smtp] username（用戶名稱）及已儲存的密碼。電郵會留待下次發送。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secure connection could be made to the mail server {host}:{port} ({detail}); nothing was sent. Check [smtp] security and port.</source>
        <translation>無法與郵件伺服器 {host}:{port} 建立加密連線（{detail}）；沒有發出任何電郵。請檢查 [smtp] security 及 port。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The mail server {host}:{port} does not offer STARTTLS, so nothing was sent (never in clear). Use a server that offers it, or security = “ssl”.</source>
        <translation>郵件伺服器 {host}:{port} 不支援 STARTTLS，因此沒有發出任何電郵（絕不以未加密方式發送）。請使用支援 STARTTLS 的伺服器，或把 security 設定為 ssl。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The mail server {host}:{port} showed a certificate this desk does not trust ({detail}); nothing was sent. If your office has its own certificate authority, name its file in [smtp] ca_file.</source>
        <translation>郵件伺服器 {host}:{port} 出示的憑證不獲本系統信任（{detail}）；沒有發出任何電郵。如貴辦事處有自設的憑證機構，請在 [smtp] ca_file 指明其檔案。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The mail server&apos;s certificate is not for {host} ({detail}); nothing was sent. [smtp] host must be a name the certificate shows.</source>
        <translation>郵件伺服器的憑證並非發給 {host}（{detail}）；沒有發出任何電郵。[smtp] host 必須是憑證上列明的名稱。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/messages.py" line="-49"/>
        <source>The database asks for a password: store it with “desk-app db password”.</source>
        <translation>資料庫要求輸入密碼：請用「desk-app db password」儲存密碼。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password store (keyring) is available on this computer.</source>
        <translation>這部電腦沒有可用的密碼庫（keyring）。</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>The number of demo candidates must be between 1 and {limit}.</source>
        <translation>示範考生的數目必須介乎 1 至 {limit}。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A page is a number from 0, with 1 to {limit} candidates a page.</source>
        <translation>頁數是由 0 開始的數字，每頁有 1 至 {limit} 名考生。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the first {limit} matches can be shown: type more to narrow the search.</source>
        <translation>只能顯示首 {limit} 個結果：請輸入更多資料以收窄搜尋範圍。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No password is stored for the mail server user “{username}”: store it with “desk-app mail password”.</source>
        <translation>沒有為郵件伺服器用戶「{username}」儲存密碼：請用「desk-app mail password」儲存。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>“{value}” is not a mail security mode (none, starttls or ssl).</source>
        <translation>「{value}」不是郵件保安模式（none、starttls 或 ssl）。</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Name the file to write.</source>
        <translation>請輸入要寫入的檔案名稱。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” cannot be a file name: it holds a character files cannot have.</source>
        <translation>「{name}」不能用作檔案名稱：當中有檔案名稱不容許的字元。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file name is too long (at most {limit} bytes): choose a shorter one.</source>
        <translation>檔案名稱太長（最多 {limit} 位元組）：請改用較短的名稱。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” is a folder: name a file inside it instead.</source>
        <translation>「{name}」是資料夾：請指定資料夾內的檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder “{name}” does not exist: choose a folder that does.</source>
        <translation>資料夾「{name}」不存在：請選擇現有的資料夾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You may not write to “{name}”: choose another folder.</source>
        <translation>你沒有權限寫入「{name}」：請選擇其他資料夾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full: “{name}” was not written. Free some space and try again.</source>
        <translation>磁碟已滿：未能寫入「{name}」。請騰出空間後再試。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” could not be written; nothing was saved. Try another folder.</source>
        <translation>未能寫入「{name}」，沒有儲存任何內容。請嘗試其他資料夾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statement {serial} is issued and recorded: print it again from the desk.</source>
        <translation>成績報告 {serial} 已發出並記錄：請在服務台再次打印。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter {serial} is issued: its new Secret Number is shown here once instead.</source>
        <translation>密碼信 {serial} 已發出：新的 Secret Number 改為在此顯示一次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No candidate has the ID Number {id_number}.</source>
        <translation>沒有考生編號為 {id_number} 的考生。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No staff member is called “{username}”.</source>
        <translation>沒有名為「{username}」的職員。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No statement was issued with this code.</source>
        <translation>沒有以此編碼發出的成績報告。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This candidate has no such exam entry.</source>
        <translation>此考生沒有這項考試報名。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/exports/messages.py" line="+15"/>
        <source>The export was stopped: no file was written.</source>
        <translation>匯出已停止：沒有寫入任何檔案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not an export format (csv or jsonl).</source>
        <translation>「{value}」不是匯出格式（csv 或 jsonl）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” ends neither in .csv nor in .jsonl: name the file so, or give --format.</source>
        <translation>「{name}」的副檔名既不是 .csv 也不是 .jsonl：請依此命名檔案，或加上 --format。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The last day ({end}) comes before the first day ({start}).</source>
        <translation>最後一日（{end}）早於第一日（{start}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An export of a search holds 1 to {limit} candidates.</source>
        <translation>匯出的搜尋結果須有 1 至 {limit} 名考生。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../desk_app/services/importing/messages.py" line="+18"/>
        <source>The file “{name}” cannot be opened.</source>
        <translation>無法開啟檔案「{name}」。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” is not UTF-8 text, so not an audit export in JSON lines (a CSV export cannot be checked: export the same days as .jsonl).</source>
        <translation>「{name}」不是 UTF-8 文字，所以不是 JSON lines 格式的審計記錄匯出檔（CSV 匯出檔無法核實：請把同一段日子匯出為 .jsonl）。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/importing/messages.py" line="+1"/>
        <source>The file changed while it was being imported; nothing was changed. Try again.</source>
        <translation>匯入期間檔案被更改，所以沒有更改任何資料。請再試一次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is empty.</source>
        <translation>檔案是空的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has a header but no rows.</source>
        <translation>檔案只有標題列，沒有資料列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not UTF-8 text. In Excel: File › Save As › “CSV UTF-8 (Comma delimited) (*.csv)”.</source>
        <translation>檔案不是 UTF-8 文字。請在 Excel 選擇：檔案 › 另存新檔 ›「CSV UTF-8 (逗號分隔) (*.csv)」。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is not UTF-8 text: it looks like {encoding}. In Excel: File › Save As › “CSV UTF-8 (Comma delimited) (*.csv)”.</source>
        <translation>檔案不是 UTF-8 文字，看來是 {encoding}。請在 Excel 選擇：檔案 › 另存新檔 ›「CSV UTF-8 (逗號分隔) (*.csv)」。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is an old Excel file (.xls): save it as .xlsx or as CSV UTF-8.</source>
        <translation>這是舊版 Excel 檔案 (.xls)：請另存為 .xlsx 或 CSV UTF-8。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file cannot be read as an Excel workbook (.xlsx).</source>
        <translation>無法以 Excel 活頁簿 (.xlsx) 讀取這個檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CSV cannot be read here (a stray quote or a NUL character).</source>
        <translation>CSV 在這裏無法讀取（多了一個引號或有 NUL 字元）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This line is longer than {limit} bytes: the file is not a table of rows.</source>
        <translation>這一行超過 {limit} 個位元組：檔案不是逐列的表格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The header has no column “{name}”: every file needs it.</source>
        <translation>標題列沒有「{name}」欄：每個檔案都必須有這一欄。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” is not a column of the import format.</source>
        <translation>「{name}」不是匯入格式的欄位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The column “{name}” appears twice.</source>
        <translation>「{name}」欄出現了兩次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No exam has a paper called “{name}”.</source>
        <translation>沒有考試有名為「{name}」的試卷。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This row has {count} cells; the header has {expected}.</source>
        <translation>這一列有 {count} 格，標題列有 {expected} 格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This cell is in a column the header gives no name.</source>
        <translation>這一格所在的欄位在標題列沒有名稱。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This cell must not be empty.</source>
        <translation>這一格不可留空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This cell holds characters that are not allowed (e.g. a line break).</source>
        <translation>這一格含有不准使用的字元（例如換行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This cell is too long (at most {limit} characters).</source>
        <translation>這一格太長（最多 {limit} 個字元）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a date: write it as YYYY-MM-DD, e.g. 2014-07-05.</source>
        <translation>「{value}」不是日期：請寫成 YYYY-MM-DD，例如 2014-07-05。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a day of the calendar (like 30 February).</source>
        <translation>「{value}」不是曆法上存在的日子（例如 2 月 30 日）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a phone number.</source>
        <translation>「{value}」不是電話號碼。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a language of the desk: write en or zh_HK.</source>
        <translation>「{value}」不是服務台使用的語言：請寫 en 或 zh_HK。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a centre code: letters and digits, e.g. TW056.</source>
        <translation>「{value}」不是考試中心編號：應由英文字母及數字組成，例如 TW056。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centre {code} is new: give its name in a centre_name column.</source>
        <translation>考試中心 {code} 是新的：請在 centre_name 欄填上中心名稱。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not an exam of the catalogue: give its code (e.g. KETFS) or name.</source>
        <translation>「{value}」不是考試目錄內的考試：請填上考試代號（例如 KETFS）或名稱。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a session: give a known one, or a new one as YYYY-MM.</source>
        <translation>「{value}」不是考期：請填上已有的考期，或以 YYYY-MM 寫新考期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a whole number.</source>
        <translation>「{value}」不是整數。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is outside the range of {exam}: {low}–{high}.</source>
        <translation>{value} 超出 {exam} 的分數範圍：{low}–{high}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{exam} has no grade “{value}”. Its grades: {grades}.</source>
        <translation>{exam} 沒有「{value}」這個級別。它的級別：{grades}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{exam} reports no CEFR level “{value}”. Its levels: {levels}.</source>
        <translation>{exam} 不會給出 CEFR 程度「{value}」。它的程度：{levels}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{exam} reports no CEFR level: leave this cell empty.</source>
        <translation>{exam} 不會給出 CEFR 程度：請把這一格留空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{exam} has no paper “{paper}”: leave this cell empty.</source>
        <translation>{exam} 沒有「{paper}」試卷：請把這一格留空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{exam} has a paper “{paper}”: this row gives no score for it.</source>
        <translation>{exam} 有「{paper}」試卷：這一列卻沒有它的分數。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A result needs a grade and an overall score (or every result cell empty).</source>
        <translation>成績需要級別及總分（或所有成績格都留空）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A result needs the date it is released (release_date).</source>
        <translation>成績需要公佈日期（release_date）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This row repeats line {line}.</source>
        <translation>這一列與第 {line} 行重複。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line {line} gives another result for {id_number}, {exam}, {session}.</source>
        <translation>第 {line} 行為 {id_number}、{exam}、{session} 給出另一個成績。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{id_number} has another value here than on line {line}.</source>
        <translation>{id_number} 在這裏的資料與第 {line} 行不同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line {line} names the new centre {code} differently.</source>
        <translation>第 {line} 行為新考試中心 {code} 填了另一個名稱。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{id_number} is {name}, born {date_of_birth}, in the desk: this row names someone else. Check the ID Number.</source>
        <translation>服務台內的 {id_number} 是 {name}，出生日期 {date_of_birth}：這一列是另一個人。請檢查考生編號。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This row has no result, but the result of {exam}, {session} was released on {released}: results are corrected, never removed.</source>
        <translation>這一列沒有成績，但 {exam}、{session} 的成績已於 {released} 公佈：成績只可更正，不可刪除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The result of {exam}, {session} was released on {released}: it cannot be put back to {value}.</source>
        <translation>{exam}、{session} 的成績已於 {released} 公佈：不可把公佈日期改回 {value}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No centre has the code {centre}.</source>
        <translation>沒有考試中心的編號是 {centre}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import was stopped; nothing was changed.</source>
        <translation>匯入已停止，沒有更改任何資料。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More problems, not listed: {count} (the first {listed} are listed).</source>
        <translation>尚有未列出的問題：{count} 個（只列出首 {listed} 個）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems in the file: {count}. Nothing was imported.</source>
        <translation>檔案中的問題：{count} 個。沒有匯入任何資料。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/knowledge/messages.py" line="+11"/>
        <source>There is no answer “{key}”.</source>
        <translation>沒有「{key}」這個答案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {field} has a placeholder “{name}” that the desk cannot fill in: use one of those listed.</source>
        <translation>{field}含有系統無法填入的預留位置「{name}」：請使用列出的預留位置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The {field} has a brace without its pair: a placeholder is a name from the list between two braces.</source>
        <translation>{field}有一個不成對的大括號：預留位置是以一對大括號括住的列表名稱。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone else saved this answer meanwhile; yours was not saved. Open the answer again to see their text.</source>
        <translation>其他人已在此期間儲存了這個答案，你的修改沒有儲存。請重新開啟答案查看最新內容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing in the answer was changed.</source>
        <translation>答案沒有任何更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This candidate has no such email address to send the answer to.</source>
        <translation>此考生沒有這個可接收答案的電郵地址。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/live/messages.py" line="-28"/>
        <source>{by} changed this candidate at {at}, after you looked: {change}. Nothing was done: look at the candidate as it is now, then act again if it is still needed.</source>
        <translation>在您查看之後，{by} 於 {at} 更改了這位考生的資料：{change}。系統沒有執行您的操作：請查看考生現時的資料，如仍有需要再操作一次。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This candidate changed on the results website at {at}, after you looked: {change}. Nothing was done: look at the candidate as it is now, then act again if it is still needed.</source>
        <translation>在您查看之後，這位考生的資料於 {at} 在網上查閱成績有所更改：{change}。系統沒有執行您的操作：請查看考生現時的資料，如仍有需要再操作一次。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/audit/messages.py" line="-46"/>
        <source>The check of the audit trail was stopped after {checked} events: nothing is concluded.</source>
        <translation>審計記錄的檢查在 {checked} 項記錄後停止：未能得出結論。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first day of the period is after its last day.</source>
        <translation>期間的第一天在最後一天之後。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a kind of audit event.</source>
        <translation>「{value}」不是審計記錄的類別。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An audit export filtered by staff member, kind or candidate is written as CSV only: choose a .csv file.</source>
        <translation>按職員、事項類別或考生篩選的審計記錄匯出只能寫成 CSV：請選擇 .csv 檔案。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff accounts are changed only through the database owner&apos;s connection: an administrator sets admin_url in [database] of the config file (docs/DEPLOYMENT.md).</source>
        <translation>職員帳戶只可透過資料庫擁有者的連線更改：請管理員在設定檔的 [database] 設定 admin_url（見 docs/DEPLOYMENT.md）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database refused the upgrade: run it as the database&apos;s owner, a login that may create the group role {role} or finds it made (docs/DEPLOYMENT.md). The details are in the log file.</source>
        <translation>資料庫拒絕了升級：請以資料庫擁有者的身份執行，該登入須可建立群組角色 {role}，或該角色已經建立（見 docs/DEPLOYMENT.md）。詳情已寫入記錄檔。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/actions/messages.py" line="+15"/>
        <source>An action offers at most {limit} reasons (one key each, 1–{limit}).</source>
        <translation>每項操作最多提供 {limit} 個原因（每個一鍵，1–{limit}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a desk action that asks for a reason.</source>
        <translation>「{value}」不是需要原因的服務台操作。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../desk_app/ui/exports/dialog.py" line="+179"/>
        <source>Export search results</source>
        <extracomment>the format&apos;s key, and the ending its files get search, audit, lockouts or view (the audit view&apos;s filters): chooses the dialog&apos;s texts the file&apos;s name without its ending, e.g. &quot;lockouts-2026-07-25&quot; &quot;none&quot;, &quot;optional&quot; (all days unless limited) or &quot;required&quot; the office&apos;s today: the days offered first end on it for a search: what was searched and how many candidates are listed (the audit view: what its filters let through, in words) how the last export ended (a report or an error), said again after a language switch</extracomment>
        <translation>匯出搜尋結果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The {count} candidates listed for “{query}”, as a CSV file for Excel. The file holds personal data: the export is recorded in the audit trail.</source>
        <translation>把搜尋「{query}」列出的 {count} 名考生匯出為可用 Excel 開啟的 CSV 檔案。檔案載有個人資料：這次匯出會記入審計記錄。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the audit log</source>
        <translation>匯出審計記錄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every event of the audit trail, or those of the days chosen (office time). CSV opens in Excel; JSON lines can be checked on their own later with “desk-app audit verify --file”.</source>
        <translation>審計記錄的全部事項，或所選日子（辦事處時間）內的事項。CSV 可用 Excel 開啟；JSON lines 日後可用「desk-app audit verify --file」單獨核實。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the audit view</source>
        <translation>匯出審計記錄檢視</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The events the audit view shows ({filters}), oldest first, as a CSV file for Excel: the audit log&apos;s columns, then the ID Number and what happened in words. The export is recorded in the audit trail.</source>
        <translation>審計記錄檢視顯示的事件（{filters}），由最舊的開始，存成可用 Excel 開啟的 CSV 檔案：先是審計記錄的各欄，再加考生編號及以文字說明的經過。這次匯出會記錄在審計記錄中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the lockout history</source>
        <translation>匯出封鎖記錄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every lock, expiry and early unlock of the days chosen (office time), with who, why and from which address, as a CSV file for Excel.</source>
        <translation>所選日子（辦事處時間）內的每次封鎖、自動解除及提早解除封鎖，連同由誰、原因及來源位址，匯出為可用 Excel 開啟的 CSV 檔案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>選擇(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV for Excel</source>
        <translation>CSV（供 Excel 使用）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON lines (can be verified)</source>
        <translation>JSON lines（可核實）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only these &amp;days:</source>
        <translation>只限這些日子(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From</source>
        <translation>由(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines 檔案 (*.jsonl)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Writing…</source>
        <translation>正在寫入…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The database recorded this export before the connection was lost, but the file was not written. Export again.</source>
        <translation>連線中斷前，資料庫已記錄這次匯出，但檔案沒有寫入。請再匯出一次。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing: {rows} of {total} rows…</source>
        <translation>正在寫入：第 {rows} 行，共 {total} 行…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing: {rows} rows…</source>
        <translation>正在寫入：{rows} 行…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Written: {rows} rows to {file}.</source>
        <translation>已寫入 {rows} 行至 {file}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped: no file was written.</source>
        <translation>已停止：沒有寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../desk_app/ui/exports/menu.py" line="+72"/>
        <source>E&amp;xport</source>
        <extracomment>what the search panel lists now: the text searched and the number of rows</extracomment>
        <translation>匯出(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search results…</source>
        <translation>搜尋結果(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audit log…</source>
        <translation>審計記錄(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lockout history…</source>
        <translation>封鎖記錄(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../desk_app/services/message_labels.py" line="-44"/>
        <source>answer text</source>
        <extracomment>what a ``field`` parameter names (``The {field} is required.``)</extracomment>
        <translation>答案內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer title</source>
        <translation>答案標題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>caller&apos;s name</source>
        <translation>來電者姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>centre code</source>
        <translation>考試中心編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>display name</source>
        <translation>顯示名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email address</source>
        <translation>電郵地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email text</source>
        <translation>電郵內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind of email</source>
        <translation>電郵類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email subject</source>
        <translation>電郵標題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity document</source>
        <translation>身份證明文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list of ID Numbers</source>
        <translation>考生編號清單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call note</source>
        <translation>通話記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason offered</source>
        <translation>常用原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search text</source>
        <translation>搜尋文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source address</source>
        <translation>來源地址</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../desk_app/ui/importing/dialog.py" line="+138"/>
        <source>Import the exam board&apos;s file</source>
        <extracomment>the progress bar&apos;s steps: checking fills the first half, writing the second how the last run ended (a report, or the error that ended it), shown again in the new language when the language changes a run whose connection died before it answered: &quot;unknown&quot;, &quot;done&quot;, &quot;not done&quot;</extracomment>
        <translation>匯入考試局檔案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Candidates, exam entries and results from a CSV (UTF-8) or Excel (.xlsx) file in the import format. The whole file is checked first: if anything in it is wrong, nothing is imported and every problem is listed below.</source>
        <translation>從匯入格式的 CSV（UTF-8）或 Excel（.xlsx）檔案載入考生、報考資料及成績。系統會先檢查整個檔案：只要有任何錯誤，便不會匯入任何資料，所有問題會在下面列出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the file</source>
        <translation>選擇檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. June 2026 results from the exam board</source>
        <translation>例如：考試局 2026 年 6 月成績</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>選擇(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chec&amp;k only</source>
        <translation>只檢查(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The exam board&apos;s file</source>
        <translation>考試局檔案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV or Excel files (*.csv *.xlsx);;All files (*)</source>
        <translation>CSV 或 Excel 檔案 (*.csv *.xlsx);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reading the file…</source>
        <translation>正在讀取檔案…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The connection to the database was lost before it answered. Once it answers again, the desk will say whether the file was imported.</source>
        <translation>資料庫回覆前連線已中斷。資料庫恢復回應後，系統會說明檔案是否已匯入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported: the database recorded the import before the connection was lost. Importing the same file again changes nothing.</source>
        <translation>已匯入：連線中斷前，資料庫已記錄這次匯入。再次匯入同一檔案不會有任何改變。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not imported: the connection was lost before the database recorded the import; nothing was changed. You may import the file again.</source>
        <translation>未匯入：資料庫記錄這次匯入前連線已中斷，沒有任何改變。你可以再次匯入檔案。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking: {rows} rows read…</source>
        <translation>檢查中：已讀取 {rows} 列…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparing and writing: {rows} rows…</source>
        <translation>比對及寫入中：{rows} 列…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The file has problems: nothing was imported.</source>
        <translation>檔案有問題：沒有匯入任何資料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked: the file can be imported.</source>
        <translation>已檢查：檔案可以匯入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported.</source>
        <translation>已匯入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not imported.</source>
        <translation>沒有匯入。</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../desk_app/ui/importing/summary.py" line="+15"/>
        <source>New candidates: {count}</source>
        <translation>新增考生：{count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrected candidates: {count}</source>
        <translation>已更正考生：{count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New exam entries: {count}</source>
        <translation>新增報考：{count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New results: {count}</source>
        <translation>新增成績：{count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corrected results: {count}</source>
        <translation>已更正成績：{count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Withdrawn results (not yet released): {count}</source>
        <translation>撤回的成績（尚未公佈）：{count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unchanged rows: {count}</source>
        <translation>沒有改變的列：{count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New centres: {count}</source>
        <translation>新增考試中心：{count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sessions: {count}</source>
        <translation>新增考期：{count}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checked {rows} rows: no problems. Nothing was written yet.</source>
        <translation>已檢查 {rows} 列：沒有問題。尚未寫入任何資料。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing this file would change nothing.</source>
        <translation>匯入這個檔案不會改變任何資料。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing it would make:</source>
        <translation>匯入後會有：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported {rows} rows in one go.</source>
        <translation>已一次過匯入 {rows} 列。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing changed: the desk already had all of it.</source>
        <translation>沒有任何改變：服務台已有全部資料。</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <location filename="../desk_app/ui/knowledge/labels.py" line="+17"/>
        <source>the account is locked</source>
        <translation>帳戶被封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registering is blocked (wrong Secret Numbers)</source>
        <translation>暫時不能登記（Secret Number 錯誤）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not registered yet</source>
        <translation>尚未登記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registered</source>
        <translation>已登記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>results not released yet</source>
        <translation>成績尚未公佈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>results released</source>
        <translation>成績已公佈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no breakdown by paper for this exam</source>
        <translation>此考試不設個別試卷成績</translation>
    </message>
</context>
<context>
    <name>KnowledgePane</name>
    <message>
        <location filename="../desk_app/ui/knowledge/pane.py" line="+149"/>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the answers: English or 中文</source>
        <translation>搜尋答案：英文或中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the answers</source>
        <translation>搜尋答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read in:</source>
        <translation>讀出語言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;mail to candidate…</source>
        <translation>以電郵發送給考生(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edi&amp;t…</source>
        <translation>編輯(&amp;T)…</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The answer is on the clipboard.</source>
        <translation>答案已複製到剪貼簿。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answer emailed to {address}.</source>
        <translation>答案已以電郵寄往 {address}。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>No answer has these words.</source>
        <translation>沒有答案含有這些字詞。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No candidate on screen: every answer, in the desk&apos;s order.</source>
        <translation>畫面上沒有考生：按服務台的次序列出所有答案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For {name}: the answers in bold fit now.</source>
        <translation>考生 {name}：粗體的答案切合目前情況。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For {name}.</source>
        <translation>考生 {name}。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Open a candidate first: the answer goes to their email address.</source>
        <translation>請先開啟考生資料：答案會寄往考生的電郵地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This candidate has no email address on file or registered.</source>
        <translation>此考生沒有存檔或登記的電郵地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send this answer, in both languages, to the candidate&apos;s email address.</source>
        <translation>以中英文把這個答案寄往考生的電郵地址。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../desk_app/ui/common/labels.py" line="+10"/>
        <source>Hotline operator</source>
        <translation>熱線接線員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter staff</source>
        <translation>櫃位職員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>系統管理員</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local database (SQLite)</source>
        <translation>本機資料庫（SQLite）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared database (PostgreSQL)</source>
        <translation>共用資料庫（PostgreSQL）</translation>
    </message>
</context>
<context>
    <name>LetterBatchDialog</name>
    <message>
        <location filename="../desk_app/ui/letters/batch_dialog.py" line="+115"/>
        <source>Print exam-day letters</source>
        <extracomment>a batch whose connection died before it answered, not yet known done or not</extracomment>
        <translation>打印考試當日密碼信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each new candidate of the centre gets a Secret Number, printed once on its letter and kept only as a hash. Print or save the letters from the preview: the numbers cannot be shown again.</source>
        <translation>考試中心的每位新考生會獲發一個 Secret Number（密碼），只會打印在其密碼信上一次，系統只保存其雜湊值。請在預覽中打印或儲存密碼信：密碼不能再次顯示。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New candidates were imported for: {centres}.</source>
        <translation>已匯入以下考試中心的新考生：{centres}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Centre:</source>
        <translation>考試中心(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reas&amp;on:</source>
        <translation>原因(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required to print letters again</source>
        <translation>再次打印密碼信時必須填寫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reissue the letters already printed</source>
        <translation>補發已打印的密碼信(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They are printed again with new Secret Numbers; the old letters stop working at once. A reason is required.</source>
        <translation>密碼信會以新的 Secret Number 重新打印，舊信即時失效。必須填寫原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+10"/>
        <source>Looking up the centres…</source>
        <translation>正在查詢考試中心…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{code} · {name} — {waiting} waiting, {printed} printed</source>
        <translation>{code} · {name} — {waiting} 封待打印，{printed} 封已打印</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Making Secret Numbers: {done} of {total}</source>
        <translation>正在產生 Secret Number：{done} / {total}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drawing the letters: {done} of {total}</source>
        <translation>正在製作密碼信：{done} / {total}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Centre {centre}: {new} exam-day letters and {again} reissued letters are in the preview. Print or save them now.</source>
        <translation>考試中心 {centre}：{new} 封考試當日密碼信及 {again} 封補發密碼信已在預覽中，請立即打印或儲存。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped: no letter was issued.</source>
        <translation>已停止：沒有發出任何密碼信。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The connection to the database was lost before it answered. Once it answers again, the desk will say whether these letters were issued.</source>
        <translation>資料庫回覆前連線已中斷。資料庫恢復回應後，系統會說明這批密碼信是否已發出。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Issued: the database recorded these letters before the connection was lost, but their pages were lost with it. Print them again as a reissue (new Secret Numbers), with the reason.</source>
        <translation>已發出：連線中斷前，資料庫已記錄這批密碼信，但信件頁面隨連線中斷而遺失。請以補發方式（新的 Secret Number）再次打印，並註明原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not issued: the connection was lost before the database recorded these letters; nothing was changed. You may print them again.</source>
        <translation>未發出：資料庫記錄這批密碼信前連線已中斷，沒有任何改變。你可以再次打印。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>LettersList</name>
    <message>
        <location filename="../desk_app/ui/candidate/sections.py" line="+231"/>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Serial</source>
        <translation>序號</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued</source>
        <translation>發出時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>經手人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>exam day</source>
        <translation>考試當日</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no longer valid</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a Secret Number</source>
        <translation>附有 Secret Number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>without a Secret Number</source>
        <translation>沒有 Secret Number</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../desk_app/ui/session/lock_screen.py" line="+119"/>
        <source>Results Desk is locked</source>
        <translation>成績服務台已鎖定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked by the staff member signed in.</source>
        <translation>由目前登入的職員鎖定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked after {minutes} minutes without use.</source>
        <translation>閒置 {minutes} 分鐘後自動鎖定。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Password of {name}, to continue:</source>
        <translation>請輸入 {name} 的密碼以繼續(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unlock the desk</source>
        <translation>解鎖服務台(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in as &amp;someone else</source>
        <translation>以其他職員身分登入(&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter your password.</source>
        <translation>請輸入密碼。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking…</source>
        <translation>正在核對…</translation>
    </message>
</context>
<context>
    <name>LockoutTableModel</name>
    <message>
        <location filename="../desk_app/ui/lockouts/model.py" line="+71"/>
        <source>ID Number</source>
        <translation>考生編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>封鎖類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>封鎖至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>尚餘時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failures</source>
        <translation>失敗次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last failure</source>
        <translation>最後一次失敗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Likely attack: this source locked many accounts</source>
        <translation>可能是攻擊：此來源令多個帳戶被封鎖</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Secret Number</source>
        <translation>Secret Number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>over</source>
        <translation>已屆滿</translation>
    </message>
</context>
<context>
    <name>LockoutsView</name>
    <message>
        <location filename="../desk_app/ui/lockouts/view.py" line="+151"/>
        <source>Filter by ID Number, name or source</source>
        <translation>按考生編號、姓名或來源篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the lockouts</source>
        <translation>篩選封鎖記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock…</source>
        <translation>解除封鎖(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockouts per hour, last 24 hours</source>
        <translation>過去 24 小時每小時的封鎖次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockouts per day, last 14 days</source>
        <translation>過去 14 日每日的封鎖次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockouts over time</source>
        <translation>封鎖次數走勢</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources locking several accounts (last hour)</source>
        <translation>令多個帳戶被封鎖的來源（過去一小時）</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked now: {count} · updated at {time}</source>
        <translation>目前封鎖：{count} 個 · 更新於 {time}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your role may not do this.</source>
        <translation>你的職務不可進行此操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a locked account first.</source>
        <translation>請先選取被封鎖的帳戶。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End this lock now, with a reason (Alt+U).</source>
        <translation>提供原因後立即解除此封鎖（Alt+U）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unlock {id_number}</source>
        <translation>為 {id_number} 解除封鎖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End the lock on {id_number} now. No caller is verified here: as a supervisor, your reason is recorded as the override.</source>
        <translation>立即為 {id_number} 解除封鎖。這裏沒有核實來電者：你是主管，你的原因會記錄為特准處理的理由。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>解除封鎖</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../desk_app/ui/signin/login_dialog.py" line="+117"/>
        <source>Sign in to Results Desk</source>
        <translation>登入成績服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results Desk</source>
        <translation>成績服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer-service desk for candidates&apos; results</source>
        <translation>考生成績客戶服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username</source>
        <translation>用戶名稱(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密碼(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter your username.</source>
        <translation>請輸入用戶名稱。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter your password.</source>
        <translation>請輸入密碼。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signing in…</source>
        <translation>正在登入…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desk_app/ui/main_window.py" line="+275"/>
        <source>Results Desk</source>
        <extracomment>the desk&apos;s answers (the seeds&apos; FAQ) beside the candidate the staff member&apos;s language choice is kept here the office&apos;s time zone (IANA name): every time on screen is in it the database&apos;s kind (SQLAlchemy dialect name: sqlite, postgresql) for the status bar</extracomment>
        <translation>成績服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print exam-day letters…</source>
        <translation>打印考試當日密碼信(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>搜尋(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find candidate</source>
        <translation>尋找考生(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the &amp;answers</source>
        <translation>搜尋答案(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Desk</source>
        <translation>服務台(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loc&amp;kouts</source>
        <translation>封鎖一覽(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Results Desk</source>
        <translation>關於成績服務台(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登入：{name}（{role}）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Candidates listed: {count}</source>
        <translation>列出考生：{count} 名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Imported {name}: {count} new candidates.</source>
        <translation>已匯入 {name}：新增考生 {count} 名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About Results Desk</source>
        <translation>關於成績服務台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results Desk helps the customer-service centre answer candidates about the results website: find, verify, unlock, reissue, reprint.</source>
        <translation>成績服務台協助考試部顧客服務中心解答考生有關網上查閱成績網站的查詢：尋找考生、核實身份、解除封鎖、補發密碼信、重印成績報告。</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <location filename="../desk_app/ui/candidate/notes_box.py" line="+95"/>
        <source>What was this call about? (Ctrl+Enter saves)</source>
        <translation>這次來電的內容是甚麼？（Ctrl+Enter 儲存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New call note</source>
        <translation>新通話記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note</source>
        <translation>新增記錄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>櫃位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>電郵</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No call notes yet.</source>
        <translation>暫時沒有通話記錄。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{key} saves this as the call note (edit it first if you like).</source>
        <translation>按 {key} 即可將此儲存為通話記錄（可先修改）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a candidate first.</source>
        <translation>請先開啟考生資料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Write the note first.</source>
        <translation>請先輸入記錄內容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The note is over {limit} characters ({count}): shorten it.</source>
        <translation>記錄超過 {limit} 個字元（現有 {count} 個）：請刪減。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the note (Ctrl+Enter).</source>
        <translation>儲存記錄（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The connection was lost while saving; the desk will say whether it was saved.</source>
        <translation>儲存期間連線中斷；資料庫恢復後，系統會告訴你記錄是否已經儲存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note saved (before the connection was lost).</source>
        <translation>已儲存記錄（連線中斷前已儲存）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The note was not saved; save it again.</source>
        <translation>記錄沒有儲存，請再儲存一次。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Note saved.</source>
        <translation>已儲存記錄。</translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <location filename="../desk_app/ui/connection/outcomes.py" line="+90"/>
        <source>The connection to the database was lost before it answered. Once it answers again, the desk will say whether this was done.</source>
        <translation>資料庫回覆前連線已中斷。資料庫恢復回應後，系統會說明此操作是否已完成。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done: the database recorded it before the connection was lost.</source>
        <translation>已完成：連線中斷前，資料庫已記錄此操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not done: the connection was lost before the database recorded it; nothing was changed. You may try again.</source>
        <translation>未完成：資料庫記錄此操作前連線已中斷，沒有任何改變。你可以再試一次。</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../desk_app/ui/candidate/sections.py" line="-193"/>
        <source>Email on file</source>
        <translation>存檔電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>考試中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emails in</source>
        <translation>電郵語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results account</source>
        <translation>成績帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered email</source>
        <translation>登記電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong passwords in a row</source>
        <translation>連續輸錯密碼次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last login</source>
        <translation>最後登入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(none)</source>
        <translation>（沒有）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registered on {date}</source>
        <translation>於 {date} 登記</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must change the password at next login</source>
        <translation>下次登入時須更改密碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not registered</source>
        <translation>未登記</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>never</source>
        <translation>從未登入</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../desk_app/ui/common/print_preview.py" line="+130"/>
        <source>Print preview: {name}</source>
        <translation>打印預覽：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>儲存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous page</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page</source>
        <translation>下一頁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width</source>
        <translation>符合闊度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole page</source>
        <translation>整頁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page</source>
        <translation>頁</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>of {count}</source>
        <translation>共 {count} 頁</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+9"/>
        <source>Save the PDF</source>
        <translation>儲存 PDF</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PresetEditor</name>
    <message>
        <location filename="../desk_app/ui/actions/preset_editor.py" line="+104"/>
        <source>Reasons offered</source>
        <translation>常用原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons offered by each desk action</source>
        <translation>各項服務台操作的常用原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The desk lists these reasons with a number: one key chooses one. Up to {count} per action; a row without English is left out. Changes are audited.</source>
        <translation>服務台會為這些原因編號，按一個數字鍵即可選用。每項操作最多 {count} 個；沒有英文的一行不會採用。所有更改均記入審計記錄。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo changes</source>
        <translation>還原更改</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Saved. Every desk offers the new reasons.</source>
        <translation>已儲存。所有服務台即時提供新的原因。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing changed yet.</source>
        <translation>尚未有任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save or undo the changes first.</source>
        <translation>請先儲存或還原更改。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../desk_app/ui/importing/problems_model.py" line="+32"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../desk_app/ui/actions/reason_dialog.py" line="+160"/>
        <source>Why? e.g. caller verified on the phone, locked out</source>
        <translation>原因？例如：已在電話中核實來電者，帳戶被封鎖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have not verified this caller. As a supervisor you may act anyway: say why verification is not possible. This is recorded as an override.</source>
        <translation>你尚未核實這位來電者。你是主管，仍可進行操作：請說明為何無法核實。這會記錄為特准處理。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why act without verification?</source>
        <translation>為何在未核實的情況下處理？</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Waiting for the database to say whether it was done.</source>
        <translation>正在等待資料庫確認是否已完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done already.</source>
        <translation>已經完成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fill in “{label}” first.</source>
        <translation>請先填寫「{label}」。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a reason (1–{count}) or type one.</source>
        <translation>請選擇原因（1–{count}）或自行輸入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a reason.</source>
        <translation>請填寫原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say why you act without verifying the caller.</source>
        <translation>請說明為何未核實來電者便進行操作。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The connection to the database was lost before it answered. Once it answers again, the desk will say whether this was done.</source>
        <translation>資料庫回應前連線已中斷。資料庫恢復後，系統會告訴你這項操作是否已經完成。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Done: the database recorded it before the connection was lost.</source>
        <translation>已完成：連線中斷前資料庫已記錄這項操作。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not done: the connection was lost before the database recorded it; nothing was changed. You may try again.</source>
        <translation>沒有完成：資料庫記錄前連線已中斷；資料沒有任何改動。你可以再試一次。</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>&amp;Override reason:</source>
        <translation>特准處理原因(&amp;O)：</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Reasons &amp;listed (1–{count}):</source>
        <translation>常用原因（1–{count}）(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or type a reason of your own</source>
        <translation>或自行輸入原因</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+38"/>
        <source>Working…</source>
        <translation>處理中…</translation>
    </message>
</context>
<context>
    <name>ReleaseLines</name>
    <message>
        <location filename="../desk_app/ui/candidate/release_lines.py" line="+32"/>
        <source>{start} – {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificates</source>
        <translation>證書寄出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates are posted to the centre 4–8 weeks after release (for candidates who passed): between these dates.</source>
        <translation>合格考生的證書將於成績公佈後4至8星期內寄往考試中心，即上列日期之間。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Results email</source>
        <translation>成績通知電郵</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at release, if registered</source>
        <translation>成績公佈時（如已登記）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The “results available” email is sent once, when the results are released, if the account is registered by then. Registering later: no email.</source>
        <translation>成績公佈時，如帳戶已經登記，系統會發出一次「成績已經公佈」電郵。其後才登記的考生不會收到此電郵。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Released on</source>
        <translation>成績公佈日期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not sent</source>
        <translation>未發出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not decided yet (the desk checks every few minutes), or the result came in long after its release date.</source>
        <translation>尚未處理（系統每隔數分鐘檢查一次），或成績在公佈日期很久以後才匯入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none (not registered)</source>
        <translation>沒有（未登記）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account was not registered when the results came out.</source>
        <translation>成績公佈時帳戶尚未登記。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (bad address)</source>
        <translation>沒有（電郵地址無效）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registered email address cannot take email.</source>
        <translation>登記的電郵地址無法接收電郵。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no record</source>
        <translation>沒有記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released before the desk kept a record of these emails.</source>
        <translation>成績在系統開始記錄此類電郵之前已經公佈。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sent {moment}</source>
        <translation>已於 {moment} 發出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not delivered</source>
        <translation>未能送達</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mail server refused it; see the outbox.</source>
        <translation>郵件伺服器拒絕接收；請查看待發郵件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>queued {moment}</source>
        <translation>已於 {moment} 排隊等候發送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting in the outbox to be delivered.</source>
        <translation>正在待發郵件中等候發送。</translation>
    </message>
</context>
<context>
    <name>ReleaseScheduler</name>
    <message>
        <location filename="../desk_app/ui/release/scheduler.py" line="+80"/>
        <source>Results released: {entries}; “results available” emails queued: {emails}.</source>
        <translation>已公佈成績：{entries} 項；已排隊發送「成績已經公佈」電郵：{emails} 封。</translation>
    </message>
</context>
<context>
    <name>ResultsTree</name>
    <message>
        <location filename="../desk_app/ui/candidate/sections.py" line="+30"/>
        <source>Exam and session</source>
        <translation>考試及考期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>成績</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Overall result</source>
        <translation>整體成績</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Result not released yet (release {date})</source>
        <translation>成績尚未公佈（{date} 公佈）</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>No result yet</source>
        <translation>暫時沒有成績</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>No breakdown by paper for this exam</source>
        <translation>此考試不設個別試卷成績</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../desk_app/ui/search/panel.py" line="+131"/>
        <source>ID Number, name, 中文姓名, email or phone (Ctrl+F)</source>
        <extracomment>typing searches this long after the last key: enough to take a burst (a paste, an input method&apos;s commit) as one search, short enough that results follow the keys (the search itself takes a few ms at 1,000,000 candidates; docs/PERFORMANCE.md)</extracomment>
        <translation>考生編號、英文姓名、中文姓名、電郵或電話 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search candidates</source>
        <translation>搜尋考生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load more</source>
        <translation>載入更多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates found</source>
        <translation>找到的考生</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type an ID Number, a name, an email address or a phone number.</source>
        <translation>請輸入考生編號、姓名、電郵地址或電話號碼。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No candidate matches “{query}”.</source>
        <translation>沒有考生符合「{query}」。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the first {count} matches: Load more for the next page.</source>
        <translation>顯示首 {count} 個結果：按「載入更多」查看下一頁。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Candidates matching “{query}”: {count}</source>
        <translation>符合「{query}」的考生：{count} 名</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <location filename="../desk_app/ui/session/menu.py" line="+44"/>
        <source>&amp;Lock the desk</source>
        <translation>鎖定服務台(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;witch user…</source>
        <translation>切換用戶(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>登出(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../desk_app/ui/actions/shortcuts.py" line="+57"/>
        <source>Anywhere in the desk</source>
        <extracomment>a key name Qt can read (&quot;Ctrl+Enter&quot;, &quot;PgUp&quot;); others (&quot;1–9&quot;, &quot;↓&quot;) are shown as written</extracomment>
        <translation>服務台任何位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the call (the candidate on screen)</source>
        <translation>處理來電時（畫面上的考生）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisors</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search box, list and notes</source>
        <translation>搜尋欄、名單及記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In a dialog</source>
        <translation>對話框內</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the print preview</source>
        <translation>打印預覽內</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Go to the search box</source>
        <extracomment>the action&apos;s name (a DeskAction value, or the window&apos;s own: find, reload …) portable key texts (&quot;F6&quot;, &quot;Ctrl+Shift+L&quot;; Ctrl is ⌘ on a Mac) False for keys a widget handles itself (listed, not bound to an action) what each key does, in English (context &quot;Shortcuts&quot;)</extracomment>
        <translation>前往搜尋欄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the answers (the desk&apos;s FAQ)</source>
        <translation>搜尋答案（櫃位的常見問題）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export: search results, audit log, lockout history</source>
        <translation>匯出：搜尋結果、審計記錄、封鎖記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the candidate and the list again</source>
        <translation>重新載入考生及名單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This list of keys</source>
        <translation>本快捷鍵一覽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Results Desk</source>
        <translation>結束成績服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the caller</source>
        <translation>核實來電者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity document seen (counter)</source>
        <translation>已核對身分證明文件（櫃位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock early</source>
        <translation>提早解除封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary password (counter)</source>
        <translation>臨時密碼（櫃位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a password-reset email</source>
        <translation>寄出重設密碼電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the registered email</source>
        <translation>更改登記電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reissue the letter, then print it</source>
        <translation>補發密碼信並打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint the statement, then print it</source>
        <translation>重印成績報告並打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a call note</source>
        <translation>輸入通話記錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lockouts view</source>
        <translation>封鎖一覽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch reprint of statements</source>
        <translation>批量重印成績報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the search box into the list</source>
        <translation>由搜尋欄移至名單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the candidate selected</source>
        <translation>開啟所選考生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the search box; there, clear it</source>
        <translation>返回搜尋欄；在搜尋欄內則清除內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The candidate&apos;s tabs: overview, timeline, letters, notes</source>
        <translation>考生分頁：概覽、時序、密碼信、記錄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the call note (also the reason offered after an action)</source>
        <translation>儲存通話記錄（包括操作後建議的原因）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose one of the reasons listed</source>
        <translation>選用所列的其中一個原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do it (the dialog&apos;s main button)</source>
        <translation>執行（對話框的主要按鈕）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel and close</source>
        <translation>取消並關閉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next field</source>
        <translation>下一欄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print (then Enter in the print dialog)</source>
        <translation>打印（然後在打印對話框按 Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a PDF file</source>
        <translation>儲存為 PDF 檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous and next page</source>
        <translation>上一頁及下一頁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the preview</source>
        <translation>關閉預覽</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../desk_app/ui/actions/shortcuts_sheet.py" line="+83"/>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <extracomment>the left column (the window&apos;s keys for everyone) and the right one (keys inside boxes and dialogs, then the supervisors&apos;), each as tall as the other</extracomment>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These keys work wherever the cursor is, also in the search box and in a call note. A key whose action is off says why on the status line.</source>
        <translation>無論游標在哪裏，包括搜尋欄及通話記錄內，這些按鍵都可使用。如某操作暫時不可用，按下其按鍵時狀態列會說明原因。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Your role may not do this.</source>
        <translation>你的職務不可進行此操作。</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../desk_app/ui/lockouts/sources_model.py" line="+39"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>帳戶數目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockouts</source>
        <translation>封鎖次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>判斷</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Likely attack</source>
        <translation>可能是攻擊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watch</source>
        <translation>留意</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <location filename="../desk_app/ui/actions/temp_password_dialog.py" line="+65"/>
        <location line="+2"/>
        <source>Temporary password</source>
        <translation>臨時密碼</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Temporary password for {who}:</source>
        <translation>{who} 的臨時密碼：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand it over to the candidate now: it is shown only this once. It must be changed at the next login on the results website. Never read it out on the phone or write it in a note.</source>
        <translation>請立即交給考生：密碼只會顯示這一次。考生下次在網上查閱成績網站登入時必須更改密碼。切勿在電話中讀出密碼，也不要寫在記錄中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handed over</source>
        <translation>已交給考生</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../desk_app/ui/candidate/timeline_text.py" line="+24"/>
        <source>(attempt {number})</source>
        <translation>（第 {number} 次）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registered on the results website</source>
        <translation>已在網上查閱成績網站登記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in</source>
        <translation>已登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed</source>
        <translation>已更改密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock ended by itself</source>
        <translation>封鎖已自動解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration locked: too many wrong Secret Numbers</source>
        <translation>登記已封鎖：Secret Number 錯誤次數太多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration lock ended by itself</source>
        <translation>登記封鎖已自動解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password-reset email sent</source>
        <translation>已發送重設密碼電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password reset with the emailed link</source>
        <translation>已用電郵連結重設密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary password issued</source>
        <translation>已發出臨時密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acted without verification (supervisor override)</source>
        <translation>未經核實而處理（主管特准）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter reissued</source>
        <translation>已補發密碼信</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Login attempt before registering</source>
        <translation>登記前嘗試登入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong password when changing it</source>
        <translation>更改密碼時輸錯密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong password</source>
        <translation>密碼錯誤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong Secret Number</source>
        <translation>Secret Number 錯誤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locked after {count} wrong passwords</source>
        <translation>輸錯密碼 {count} 次後被封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked after wrong passwords</source>
        <translation>輸錯密碼後被封鎖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tried while locked: lock started again</source>
        <translation>封鎖期間嘗試登入：封鎖重新計時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tried while locked</source>
        <translation>封鎖期間嘗試登入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registered email changed: {old} → {new}</source>
        <translation>登記電郵已更改：{old} → {new}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Caller verification failed</source>
        <translation>核實來電者不通過</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flagged: repeated failures</source>
        <translation>已標記：多次核實失敗</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unlocked by a password reset</source>
        <translation>重設密碼後解除封鎖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlocked by a temporary password</source>
        <translation>發出臨時密碼後解除封鎖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlocked early</source>
        <translation>提早解除封鎖</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exam-day letter {serial}</source>
        <translation>考試當日密碼信 {serial}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Letter reissued with a new Secret Number ({serial})</source>
        <translation>已補發附有新 Secret Number 的密碼信（{serial}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter reissued without a Secret Number ({serial})</source>
        <translation>已補發沒有 Secret Number 的密碼信（{serial}）</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../desk_app/ui/candidate/timeline_model.py" line="+42"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By / from</source>
        <translation>經手人／來源</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{event}: “{reason}”</source>
        <translation>{event}：「{reason}」</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>By: {staff}</source>
        <translation>經手人：{staff}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From: {source}</source>
        <translation>來源：{source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
</context>
<context>
    <name>VerifyCallerDialog</name>
    <message>
        <location filename="../desk_app/ui/actions/verify_dialog.py" line="-117"/>
        <source>Verify the caller</source>
        <translation>核實來電者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the caller: {who}</source>
        <translation>核實來電者：{who}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>As said: English or 中文</source>
        <translation>按來電者所說：英文或中文</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Ask the caller for their name and date of birth, and check the identifier (the ID Number on screen is filled in; change it to an email or phone the caller gives). Type what they say.</source>
        <translation>請來電者說出姓名及出生日期，並核對識別資料（已填上畫面上的考生編號；如來電者提供電郵或電話，可改用）。請輸入來電者所說的內容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DD/MM/YYYY or YYYY-MM-DD</source>
        <translation>DD/MM/YYYY 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID Number</source>
        <translation>考生編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date of birth:</source>
        <translation>出生日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Which identifier:</source>
        <translation>識別資料類別(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identifier:</source>
        <translation>識別資料(&amp;I)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check</source>
        <translation>核對</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type the name the caller says.</source>
        <translation>請輸入來電者所說的姓名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the date of birth the caller says.</source>
        <translation>請輸入來電者所說的出生日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the caller&apos;s ID Number, email or phone.</source>
        <translation>請輸入來電者的考生編號、電郵或電話。</translation>
    </message>
</context>
<context>
    <name>_AnswerDialog</name>
    <message>
        <location line="-182"/>
        <source>Waiting for the database to say whether the check was recorded.</source>
        <extracomment>a check whose connection died before it answered, not yet known recorded or not</extracomment>
        <translation>正在等待資料庫說明核實是否已記錄。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Checking…</source>
        <translation>正在核對…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The connection to the database was lost before it answered. Once it answers again, the desk will say whether this check was recorded.</source>
        <translation>資料庫回覆前連線已中斷。資料庫恢復回應後，系統會說明這次核實是否已記錄。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recorded before the connection was lost: the candidate&apos;s details now show whether the caller passed.</source>
        <translation>連線中斷前已記錄：考生資料現會顯示來電者是否通過核實。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not recorded: the connection was lost before the database answered; nothing was changed. Check again.</source>
        <translation>未記錄：資料庫回覆前連線已中斷，沒有任何改變。請再核實一次。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>FAIL: the details do not match our records. Ask again, or end the call.</source>
        <translation>不通過：資料與記錄不符。請再問一次，或結束通話。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flagged: repeated failures on this candidate today.</source>
        <translation>已標記：今日此考生多次核實失敗。</translation>
    </message>
</context>
</TS>
