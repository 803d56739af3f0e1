<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>App</name>
    <message>
        <location filename="../desk_app/ui/database_password.py" line="+99"/>
        <source>Results Desk</source>
        <translation>成績服務台</translation>
    </message>
</context>
<context>
    <name>BatchRunner</name>
    <message>
        <location filename="../desk_app/ui/batch_progress.py" line="+129"/>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping after the current item…</source>
        <translation>完成目前一項後停止…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{number} of {total}: {item}</source>
        <translation>第 {number} 項，共 {total} 項：{item}</translation>
    </message>
    <message>
        <location line="+30"/>
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
    <name>CandidateDetails</name>
    <message>
        <location filename="../desk_app/ui/candidate_details.py" line="+94"/>
        <source>Select a candidate in the list to see their details here.</source>
        <translation>在清單中選取考生，即可在此查看其資料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+F: search · ↓: into the list · Enter: open · Esc: back to the search</source>
        <translation>Ctrl+F：搜尋 · ↓：移到清單 · Enter：開啟 · Esc：返回搜尋</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID Number</source>
        <translation>考生編號</translation>
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
        <source>Email</source>
        <translation>電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results account</source>
        <translation>成績帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>已註冊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found by</source>
        <translation>搜尋依據</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（沒有）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Locked</source>
        <translation>已封鎖</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locked until {time}</source>
        <translation>封鎖至 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlocks by itself in {duration} ({countdown})</source>
        <translation>{duration}後自動解除封鎖（{countdown}）</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../desk_app/ui/candidate_table_model.py" line="+69"/>
        <source>Locked</source>
        <translation>已封鎖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered</source>
        <translation>已註冊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not registered</source>
        <translation>未註冊</translation>
    </message>
    <message>
        <location line="+59"/>
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
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../desk_app/ui/crash.py" line="+44"/>
        <source>Something went wrong; details were written to {file}.</source>
        <translation>程式出現問題；詳情已寫入 {file}。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Results Desk</source>
        <translation>成績服務台</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../desk_app/ui/database_password.py" line="-25"/>
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
    <name>Errors</name>
    <message>
        <location filename="../desk_app/ui/errors.py" line="+26"/>
        <source>The request was refused ({code}).</source>
        <translation>要求被拒絕（{code}）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The database did not answer as expected; nothing was changed. Try again.</source>
        <translation>資料庫沒有如常回應；資料沒有任何改動。請再試一次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something unexpected went wrong; details were written to the log.</source>
        <translation>發生意外問題；詳情已寫入記錄檔。</translation>
    </message>
    <message>
        <location filename="../desk_app/services/messages.py" line="+22"/>
        <source>“{value}” is not an ID Number: it has 1–3 letters then 3–9 digits.</source>
        <translation>「{value}」不是考生編號：考生編號由 1 至 3 個英文字母及 3 至 9 個數字組成。</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+1"/>
        <source>“{value}” is not a date (use YYYY-MM-DD).</source>
        <translation>「{value}」不是日期（請用 YYYY-MM-DD 格式）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a role (operator, counter, supervisor, admin).</source>
        <translation>「{value}」不是職務（operator、counter、supervisor、admin）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A username has 2–64 lower-case letters, digits, dots, dashes or underscores.</source>
        <translation>用戶名稱須由 2 至 64 個小楷英文字母、數字、句點、連字號或底線組成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a reason for this action.</source>
        <translation>請提供進行此操作的原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A staff password needs at least {min_length} characters.</source>
        <translation>職員密碼最少要有 {min_length} 個字元。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your role ({role}) may not {action}.</source>
        <translation>你的職務（{role}）不可進行此操作：{action}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong username or password.</source>
        <translation>用戶名稱或密碼錯誤。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong passwords: this staff login is locked until {until}.</source>
        <translation>密碼錯誤次數太多：此職員帳戶已封鎖至 {until}。</translation>
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
        <location line="+3"/>
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
        <translation>此考生編號已經註冊。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ID Number has no registered account yet.</source>
        <translation>此考生編號尚未註冊帳戶。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passwords must have at least {min_length} characters, made up of letters and at least {min_digits} numbers.</source>
        <translation>密碼最少要有 {min_length} 個字元，由英文字母及最少 {min_digits} 個數字組成。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords are not the same.</source>
        <translation>兩次輸入的密碼不相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The terms of use must be accepted.</source>
        <translation>必須接受使用條款。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the caller before acting on this candidate.</source>
        <translation>處理此考生的事項前，請先核實來電者身份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The caller&apos;s details do not match our records.</source>
        <translation>來電者提供的資料與記錄不符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account is not locked.</source>
        <translation>此帳戶沒有被封鎖。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong passwords: this account is locked until {until} UTC. Try again later or use “Forgotten your password?”.</source>
        <translation>密碼錯誤次數太多：此帳戶已封鎖至 {until}（UTC）。請稍後再試，或使用「Forgotten your password?」（忘記密碼）功能。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too many wrong Secret Numbers: registration for this ID Number is locked until {until} UTC.</source>
        <translation>Secret Number 錯誤次數太多：此考生編號的註冊已封鎖至 {until}（UTC）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A Secret Number is made of 4 digits.</source>
        <translation>Secret Number 由 4 個數字組成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new password must be different from the old one.</source>
        <translation>新密碼不可與舊密碼相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This email address is already the registered one.</source>
        <translation>此電郵地址已是登記的電郵地址。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the caller&apos;s ID Number, email or phone number as well.</source>
        <translation>請同時提供來電者的考生編號、電郵或電話號碼。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lockouts are counted per hour or per day, over a limited time.</source>
        <translation>封鎖次數只可按小時或按日，在有限的時段內統計。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF letters come with Step 3.</source>
        <translation>PDF 密碼信將於第 3 階段提供。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This reset link is not valid or has expired.</source>
        <translation>此重設連結無效或已過期。</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>The database cannot be reached ({detail}). Try again or call the administrator.</source>
        <translation>無法連接資料庫（{detail}）。請再試一次或聯絡系統管理員。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database asks for a password: store it with “desk-app db password”.</source>
        <translation>資料庫要求輸入密碼：請用「desk-app db password」儲存密碼。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password store (keyring) is available on this computer.</source>
        <translation>這部電腦沒有可用的密碼庫（keyring）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database already has candidates: demo data goes only into an empty one.</source>
        <translation>資料庫已有考生資料：示範資料只可放入空的資料庫。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of demo candidates must be between 1 and {limit}.</source>
        <translation>示範考生的數目必須介乎 1 至 {limit}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A page is a number from 0, with 1 to {limit} candidates a page.</source>
        <translation>頁數是由 0 開始的數字，每頁有 1 至 {limit} 名考生。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the first {limit} matches can be shown: type more to narrow the search.</source>
        <translation>只能顯示首 {limit} 個結果：請輸入更多資料以收窄搜尋範圍。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No font with Chinese characters for PDFs was found. {hint}</source>
        <translation>找不到可用於 PDF 的中文字型。{hint}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password is stored for the mail server user “{username}”: store it with “desk-app mail password”.</source>
        <translation>沒有為郵件伺服器用戶「{username}」儲存密碼：請用「desk-app mail password」儲存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{value}” is not a mail security mode (none, starttls or ssl).</source>
        <translation>「{value}」不是郵件保安模式（none、starttls 或 ssl）。</translation>
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
        <translation>沒有以此編碼發出的成績單。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This candidate has no such exam entry.</source>
        <translation>此考生沒有這項考試報名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such call note.</source>
        <translation>沒有這項來電記錄。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../desk_app/ui/labels.py" line="+10"/>
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
    <message>
        <location line="+6"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ID Number (exact)</source>
        <translation>考生編號（完全相同）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID Number (beginning)</source>
        <translation>考生編號（開頭相同）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese name</source>
        <translation>中文姓名</translation>
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
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../desk_app/ui/login_dialog.py" line="+110"/>
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
        <translation>考生成績顧客服務台</translation>
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
        <location line="+2"/>
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
        <location filename="../desk_app/ui/main_window.py" line="+109"/>
        <source>Results Desk</source>
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
        <location line="+11"/>
        <source>About Results Desk</source>
        <translation>關於成績服務台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results Desk helps the customer-service centre answer candidates about the results website: find, verify, unlock, reissue, reprint.</source>
        <translation>成績服務台協助顧客服務中心解答考生有關成績網站的查詢：尋找考生、核實身份、解除封鎖、補發密碼信、重印成績單。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../desk_app/ui/print_preview.py" line="+107"/>
        <source>Print preview: {name}</source>
        <translation>預覽列印：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>列印…</translation>
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
        <location line="+46"/>
        <location line="+11"/>
        <source>Save the PDF</source>
        <translation>儲存 PDF</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file could not be written: {reason}</source>
        <translation>無法寫入檔案：{reason}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../desk_app/ui/search_panel.py" line="+116"/>
        <source>ID Number, name, 中文姓名, email or phone (Ctrl+F)</source>
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
        <location line="+77"/>
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
</TS>
