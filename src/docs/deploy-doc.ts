// docs/部署.md for the county web team: generated so that the security header
// it tells the server to send is the policy the pages are tested under.
import { cspHeader } from '../lib/csp.ts';

export function deployDoc(): string {
  return `<!-- 本文件由 npm run docs 生成（安全策略取自 src/lib/csp.ts），请勿手工修改。 -->

# 部署到政府门户

\`npm run build\` 的输出 \`dist/\` 是纯静态文件，放到任何 Web 服务器的一个站点（或子域名）根目录即可，不需要数据库和服务器端程序。

## 步骤

1. 在构建机上：\`npm ci && npm run build\`（检查不通过时不会生成新的 \`dist/\`）。
2. 核对：\`npm run verify -- dist\`。
3. 上传 \`dist/\` 的全部内容（包括 \`SHA256SUMS\`）到服务器，例如 \`rsync -a --delete dist/ 服务器:/srv/gongkai/\`。
4. 在服务器上核对上传结果：\`cd /srv/gongkai && sha256sum -c --quiet SHA256SUMS\`；或在构建机上对挂载的副本运行 \`npm run verify -- <副本目录> --against dist\`（用构建机上可信的清单核对，副本中的清单即使被改也无效）。

## 服务器设置（nginx 示例）

\`\`\`nginx
server {
    server_name gongkai.example.cn;
    root /srv/gongkai;
    charset utf-8;

    # 与页面中 <meta> 相同的内容安全策略，另加 frame-ancestors（<meta> 中无效）
    add_header Content-Security-Policy "${cspHeader()}" always;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;

    location / {
        try_files $uri $uri/ =404;
    }
    error_page 404 /404.html;

    # 带内容哈希的资源可长期缓存；页面、数据和 PDF 每次发布都可能变化
    location /_astro/ {
        add_header Cache-Control "public, max-age=31536000, immutable";
        add_header Content-Security-Policy "${cspHeader()}" always;
    }

    types {
        application/wasm wasm;
    }
}
\`\`\`

说明：

- 搜索页使用 Pagefind 的 WebAssembly，因此策略中有 \`'wasm-unsafe-eval'\`；其他页面自带的 \`<meta>\` 策略不含这一项，浏览器同时执行两者，取更严格的。
- PDF 打印预览（\`/reports/<年度>/<单位代码>/print/?paged\`）用同一策略：Paged.js 排版时生成的样式以样式表对象写入，不需要内联样式。
- 网站不向任何第三方发请求（无外部字体、脚本或统计代码），策略中只有 \`'self'\`。
- 政府网站要求的网站标识码、ICP 备案号、公安机关备案号在 \`content/site.yaml\` 中填写，显示在每页页脚（格式有检查）。仓库自带的是示例站点（\`example: true\`，每页顶部有“示例站点”横幅）：部署前换成本站实际取得的号码、联系方式和党政机关网站标识链接（\`dzjg_url\`，标识图片 \`public/dzjg.svg\` 换成取得的图片），并删去 \`example: true\`；正式网站中全为 0 的占位号码会使 \`npm run build\` 报错。
`;
}
