/* The site this mini-program opens: PUBLIC_BASE_URL of the deployment (https, and in the
   mini-program admin's request and web-view business domains). */
module.exports = {
  baseUrl: "https://gongzhi.example.cn"
};
